/**
 * Message lookup for the whole UI.
 *
 * Library choice: Paraglide JS 2 (inlang), the SvelteKit CLI's i18n add-on. Messages are JSON
 * files in src/lib/i18n/messages/<locale>/<area>.json (inlang message format, named `{placeholders}`,
 * plural variants selected with Intl.PluralRules of the message's locale). At build time the
 * Paraglide compiler turns them into one typed function per message in src/lib/paraglide/
 * (generated, not committed: `npm run i18n` or any vite/vitest run writes it).
 *
 * `t(key, vars)` is a thin keyed door to those functions so call sites stay `t('area.key')`.
 * The locale is the page's: `/ar/...` is Arabic, everything else English (see ./locale.ts).
 */
import * as messages from '$lib/paraglide/messages.js';
import { formatNumber } from './format';

/** Every message key, e.g. 'dashboard.title'. */
export type MessageKey = keyof typeof messages;

/** A message input: text is inserted as is; numbers are written in the reader's digits. */
export type MessageVars = Record<string, string | number>;

type MessageFn = (inputs?: Record<string, unknown>) => string;

/**
 * A number that prints in the reader's digits ("٣" or "3") but still counts as a number, so a
 * plural variant (Intl.PluralRules, which calls Number() on it) picks the right form.
 */
class LocalNumber {
	readonly #n: number;
	constructor(n: number) {
		this.#n = n;
	}
	valueOf(): number {
		return this.#n;
	}
	toString(): string {
		return formatNumber(this.#n);
	}
}

/**
 * The message `key` in the page's language with `{name}` placeholders filled from `vars`.
 * Numeric vars are formatted with the current digits setting; strings are inserted verbatim.
 */
export function t(key: MessageKey, vars?: MessageVars): string {
	const fn = messages[key] as unknown as MessageFn;
	if (!vars) return fn({});
	const inputs: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(vars))
		inputs[name] = typeof value === 'number' ? new LocalNumber(value) : value;
	return fn(inputs);
}

/** True if `key` names a message (for keys built from data, e.g. vocabulary values). */
export function hasMessage(key: string): key is MessageKey {
	return Object.hasOwn(messages, key);
}
