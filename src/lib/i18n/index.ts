/**
 * The UI's language layer: messages (Paraglide JS 2, see ./translate.ts), the page's locale and
 * its URLs (./locale.ts), the digits setting (./digits.svelte.ts) and number/date formatting
 * (./format.ts). To add a message, add the same key to
 * messages/en/<area>.json and messages/ar/<area>.json (tests/unit/i18n-catalogue.test.ts fails
 * if the Arabic is missing, empty, or identical to the English without being allow-listed).
 */
export { t, hasMessage, type MessageKey, type MessageVars } from './translate';
export {
	locale,
	dir,
	isArabic,
	localHref,
	LANGUAGES,
	LOCALE_KEY,
	rememberLocale,
	preferredLocale,
	type Locale
} from './locale';
export { digits, setDigits, loadDigits, DEFAULT_DIGITS, type Digits } from './digits.svelte';
export {
	intlLocale,
	formatNumber,
	formatBytes,
	formatDate,
	formatWeek,
	formatMonth,
	formatDateTime,
	latinDigits,
	localDigits
} from './format';
export { vocab, named, type VocabKind } from './labels';
export { isolate, tIsolated, messageParts, type MessagePart, type PartVars } from './isolate';
export { problemText, problemParts, problemKey, type Problem } from './problems';
