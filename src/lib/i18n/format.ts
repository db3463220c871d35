/**
 * Numbers, sizes and dates in the page's language.
 *
 * English output is what the app always showed (Latin digits, ISO dates where it used them).
 * Arabic output uses Intl with 'ar-SY', which names months as the Levantine source reports do
 * (كانون الثاني، شباط، آذار … كانون الأول), and the reader's digits setting (./digits.svelte.ts).
 * Dates are ISO 'YYYY-MM-DD' strings read as UTC calendar days (no time-zone shift).
 */
import { digits } from './digits.svelte';
import { locale } from './locale';

/** The Intl locale for numbers and dates now: 'en', or 'ar-SY' with the digits setting. */
export function intlLocale(): string {
	return locale() === 'ar' ? `ar-SY-u-nu-${digits()}` : 'en';
}

/** Intl formatters are costly to build; keep one per (locale, options). */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(opts: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
	const key = `n|${intlLocale()}|${JSON.stringify(opts)}`;
	let f = cache.get(key) as Intl.NumberFormat | undefined;
	if (!f) cache.set(key, (f = new Intl.NumberFormat(intlLocale(), opts)));
	return f;
}
function dateFormat(opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `d|${intlLocale()}|${JSON.stringify(opts)}`;
	let f = cache.get(key) as Intl.DateTimeFormat | undefined;
	if (!f) cache.set(key, (f = new Intl.DateTimeFormat(intlLocale(), { timeZone: 'UTC', ...opts })));
	return f;
}

/** A count or figure with grouping: 1,234 / ١٬٢٣٤ / 1,234 (Arabic, Latin digits). */
export const formatNumber = (n: number, opts?: Intl.NumberFormatOptions): string =>
	numberFormat(opts).format(n);

/** A byte count as B, KB or MB (one decimal for MB). */
export function formatBytes(n: number): string {
	const ar = locale() === 'ar';
	if (n < 1024) return `${formatNumber(n)} ${ar ? 'بايت' : 'B'}`;
	if (n < 1024 ** 2) return `${formatNumber(Math.round(n / 1024))} ${ar ? 'ك.بايت' : 'KB'}`;
	const one = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
	// Storage quotas run to hundreds of gigabytes.
	if (n >= 1024 ** 3) return `${formatNumber(n / 1024 ** 3, one)} ${ar ? 'غ.بايت' : 'GB'}`;
	return `${formatNumber(n / 1024 ** 2, one)} ${ar ? 'م.بايت' : 'MB'}`;
}

const utc = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** A calendar day: '2022-08-22' in English, '٢٢ آب ٢٠٢٢' in Arabic. */
export function formatDate(iso: string): string {
	if (locale() !== 'ar') return iso;
	return dateFormat({ day: 'numeric', month: 'long', year: 'numeric' }).format(utc(iso));
}

/** The week starting on Monday `iso`: '2022-08-22' in English, 'أسبوع ٢٢ آب ٢٠٢٢' in Arabic. */
export function formatWeek(iso: string): string {
	return locale() === 'ar' ? `أسبوع ${formatDate(iso)}` : iso;
}

/** Month and year for time axes: 'Aug 2022' in English, 'آب ٢٠٢٢' in Arabic. */
export function formatMonth(iso: string): string {
	const month = locale() === 'ar' ? 'long' : 'short';
	return dateFormat({ month, year: 'numeric' }).format(utc(iso));
}

/** A moment (epoch ms or ISO timestamp) as date and time, in the page's language. */
export function formatDateTime(at: number | string): string {
	const d = new Date(at);
	if (locale() !== 'ar')
		return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
	return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'long', timeStyle: 'short' }).format(d);
}

/**
 * `text` with Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits written as Latin 0-9, so a
 * date or number typed in either script reads the same ('٢٠٢٢-٠٨-٢٢' → '2022-08-22').
 */
export function latinDigits(text: string): string {
	return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (c) =>
		String((c.charCodeAt(0) - 0x0660) % 0x90)
	);
}

/**
 * `text` (DuckDB's own, e.g. a year on a chart axis) with its Latin digits in the reader's digit
 * setting: unchanged in English or with Latin digits, ٠-٩ with Arabic-Indic ones. Only the digit
 * shapes change; separators and everything else stay as written.
 */
export function localDigits(text: string): string {
	if (locale() !== 'ar' || digits() === 'latn') return text;
	return text.replace(/[0-9]/g, (c) => String.fromCharCode(0x0660 + Number(c)));
}
