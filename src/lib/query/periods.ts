/**
 * Calendar periods for the trend comparison: ISO weeks (Monday to Sunday) and
 * calendar months, on 'YYYY-MM-DD' strings. Pure date arithmetic in UTC, so
 * no time zone or daylight-saving change can move a day. No DuckDB here: the
 * builders bind these dates as parameters.
 */

export type PeriodKind = 'week' | 'month';
export const PERIOD_KINDS: readonly PeriodKind[] = ['week', 'month'];

/** An inclusive date range, both ends 'YYYY-MM-DD'. */
export interface DateRange {
	from: string;
	to: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Is `text` a real calendar date written 'YYYY-MM-DD' (not 2023-02-30)? */
export function isIsoDate(text: string): boolean {
	if (!ISO_DATE.test(text)) return false;
	const d = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

const parse = (date: string): Date => new Date(`${date}T00:00:00Z`);
const format = (d: Date): string => d.toISOString().slice(0, 10);

/** `date` moved by `days` (negative = earlier). */
export function addDays(date: string, days: number): string {
	return format(new Date(parse(date).getTime() + days * DAY_MS));
}

/** The first day of the period holding `date`: the Monday of its ISO week, or the 1st of its month. */
export function periodStart(date: string, kind: PeriodKind): string {
	if (kind === 'month') return `${date.slice(0, 7)}-01`;
	const d = parse(date);
	return addDays(date, -((d.getUTCDay() + 6) % 7));
}

/** The start of the period `k` periods after the one starting at `start` (k < 0 = earlier). */
export function shiftPeriod(start: string, kind: PeriodKind, k: number): string {
	if (kind === 'week') return addDays(start, 7 * k);
	const d = parse(start);
	return format(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1)));
}

/** The period starting at `start`, as an inclusive range (Sunday, or the month's last day, at the end). */
export function periodRange(start: string, kind: PeriodKind): DateRange {
	return { from: start, to: addDays(shiftPeriod(start, kind, 1), -1) };
}

/**
 * The latest complete period at or before `newest` (the newest event's date):
 * the period holding `newest` when `newest` is its last day, otherwise the one
 * before. Data that ends on a Wednesday has an incomplete last week, and
 * comparing a part-week with whole weeks would show a false decrease.
 */
export function latestComplete(newest: string, kind: PeriodKind): string {
	const start = periodStart(newest, kind);
	return periodRange(start, kind).to === newest ? start : shiftPeriod(start, kind, -1);
}

/** ISO 8601 week-numbering year and week (1–53) of a date: the week belongs to the year of its Thursday. */
export function isoWeek(date: string): { year: number; week: number } {
	const thursday = parse(addDays(periodStart(date, 'week'), 3));
	const year = thursday.getUTCFullYear();
	const jan1 = Date.UTC(year, 0, 1);
	return { year, week: Math.floor((thursday.getTime() - jan1) / DAY_MS / 7) + 1 };
}

/** A period's name: '2020-W53' for the ISO week starting at `start`, '2023-11' for a month. */
export function periodLabel(start: string, kind: PeriodKind): string {
	if (kind === 'month') return start.slice(0, 7);
	const { year, week } = isoWeek(start);
	return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The windows one trend comparison reads, for the period starting at `start`:
 * `now` is that period, `baseline` the `baselinePeriods` periods just before
 * it (one range, since they touch), `year` the `yearWeeks` weeks just before
 * it (the "new" rule's look-back, in weeks whatever the period kind).
 */
export interface TrendWindow {
	kind: PeriodKind;
	now: DateRange;
	baseline: DateRange;
	baselinePeriods: number;
	year: DateRange;
}

export function trendWindow(
	start: string,
	kind: PeriodKind,
	baselinePeriods: number,
	yearWeeks: number
): TrendWindow {
	return {
		kind,
		now: periodRange(start, kind),
		baseline: { from: shiftPeriod(start, kind, -baselinePeriods), to: addDays(start, -1) },
		baselinePeriods,
		year: { from: addDays(start, -7 * yearWeeks), to: addDays(start, -1) }
	};
}
