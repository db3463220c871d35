/**
 * The date formats ACLED exports arrive in, read exactly: ISO `2020-03-21`,
 * ACLED's own `21 March 2020` / `01 November 2024`, Excel's re-saved
 * `9-May-20` and `5/9/2020`, in ASCII or Arabic-Indic digits. Pure functions,
 * no Date parsing of free text (which differs between browsers).
 *
 * Numeric day/month order is never guessed from one cell: DateOrderTally
 * collects every numeric date of the WHOLE column; a first number above 12
 * proves day-first, a second number above 12 proves month-first. Both seen is
 * a contradiction (an error); neither leaves the order for the user to choose.
 */

/** Day-first (5/9/2020 = 5 September) or month-first (= 9 May). */
export type DateOrder = 'dmy' | 'mdy';

const MONTHS = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];

/** Month number (1–12) of an English month name or its abbreviation ('Sep', 'Sept'), or 0. */
function monthOf(name: string): number {
	const n = name.toLowerCase().replace(/\.$/, '');
	if (n.length < 3) return 0;
	const i = MONTHS.findIndex((m) => m === n || (n.length <= 4 && m.startsWith(n)));
	return i + 1;
}

/** Arabic-Indic (U+0660–0669) and Extended Arabic-Indic (U+06F0–06F9) digits as ASCII digits. */
export function asciiDigits(s: string): string {
	// Both blocks start at a code point ending in 0, so the low four bits are the digit.
	return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DD' when y-m-d is a real calendar date, else null. */
export function isoOf(y: number, m: number, d: number): string | null {
	if (m < 1 || m > 12 || d < 1 || y < 1 || y > 9999) return null;
	const date = new Date(Date.UTC(y, m - 1, d));
	date.setUTCFullYear(y);
	if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
	return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** A two-digit year: 00 up to this year's two digits is 20xx, the rest 19xx (ACLED starts in 1997). */
export function fullYear(yy: number, thisYear: number): number {
	return yy <= thisYear % 100 ? 2000 + yy : 1900 + yy;
}

/** How one cell reads: settled to ISO, numeric awaiting the column's order, or unreadable. */
export type DateReading =
	| { kind: 'date'; iso: string }
	| { kind: 'numeric'; first: number; second: number; year: number }
	| { kind: 'bad'; code: 'not-a-date' | 'not-real-date' };

/** The ways of writing a date this reader understands (a placeholder of the problem 'not-a-date'). */
export const DATE_EXAMPLES: readonly string[] = [
	'2020-03-21',
	'21 March 2020',
	'9-May-20',
	'5/9/2020'
];
const BAD: DateReading = { kind: 'bad', code: 'not-a-date' };
const NOT_REAL: DateReading = { kind: 'bad', code: 'not-real-date' };

/** Read one date cell. `thisYear` decides two-digit years. */
export function readDate(cell: string, thisYear: number): DateReading {
	const s = asciiDigits(cell.trim());
	let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
	if (m) return settled(isoOf(+m[1]!, +m[2]!, +m[3]!));
	m = /^(\d{1,2})[\s-]+([A-Za-z]{3,9}\.?)[\s-]+(\d{2}|\d{4})$/.exec(s);
	if (m) {
		const month = monthOf(m[2]!);
		if (!month) return BAD;
		const y = m[3]!.length === 2 ? fullYear(+m[3]!, thisYear) : +m[3]!;
		return settled(isoOf(y, month, +m[1]!));
	}
	m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(s);
	if (m) {
		const year = m[4]!.length === 2 ? fullYear(+m[4]!, thisYear) : +m[4]!;
		return { kind: 'numeric', first: +m[1]!, second: +m[3]!, year };
	}
	return BAD;
}

function settled(iso: string | null): DateReading {
	return iso ? { kind: 'date', iso } : NOT_REAL;
}

/** A numeric date under an order: ISO, or null when not a real date that way. */
export function numericIso(r: { first: number; second: number; year: number }, order: DateOrder) {
	return order === 'dmy' ? isoOf(r.year, r.second, r.first) : isoOf(r.year, r.first, r.second);
}

/** What the whole column says about numeric day/month order. */
export class DateOrderTally {
	numeric = 0;
	/** First spreadsheet rows that prove each order (a number above 12 in that place). */
	dayFirstRow: number | null = null;
	monthFirstRow: number | null = null;

	add(r: DateReading, row: number): void {
		if (r.kind !== 'numeric') return;
		this.numeric++;
		if (r.first > 12 && r.second <= 12) this.dayFirstRow ??= row;
		if (r.second > 12 && r.first <= 12) this.monthFirstRow ??= row;
	}

	/**
	 * The order the column settles: 'dmy' / 'mdy'; 'conflict' when rows prove
	 * both; 'ask' when numeric dates exist but none has a number above 12;
	 * null when there are no numeric dates at all.
	 */
	decision(): DateOrder | 'conflict' | 'ask' | null {
		if (this.numeric === 0) return null;
		if (this.dayFirstRow !== null && this.monthFirstRow !== null) return 'conflict';
		if (this.dayFirstRow !== null) return 'dmy';
		if (this.monthFirstRow !== null) return 'mdy';
		return 'ask';
	}
}
