/** Week arithmetic on 'YYYY-MM-DD' Monday strings (UTC, as DuckDB's DATE carries no zone). */
const DAY = 86_400_000;
export const addDays = (date: string, days: number): string =>
	new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export interface WeekCount {
	week: string;
	group: string;
	n: number;
}

/** Every Monday from the first to the last week, inclusive. */
export function weekRange(first: string, last: string): string[] {
	const out: string[] = [];
	for (let w = first; w <= last; w = addDays(w, 7)) out.push(w);
	return out;
}

/**
 * Counts for every week between the first and the last active one and every
 * group present: weeks without attacks become explicit zeros instead of
 * being skipped.
 */
export function fillWeeks(rows: readonly WeekCount[]): WeekCount[] {
	if (rows.length === 0) return [];
	const weeks = rows.map((r) => r.week).sort();
	const sides = [...new Set(rows.map((r) => r.group))];
	const have = new Map(rows.map((r) => [`${r.week} ${r.group}`, r.n]));
	return weekRange(weeks[0]!, weeks.at(-1)!).flatMap((week) =>
		sides.map((group) => ({ week, group, n: have.get(`${week} ${group}`) ?? 0 }))
	);
}

/** A run of weeks kept in the compact view; `gapBefore` counts the empty weeks left out before it. */
export interface Period {
	weeks: string[];
	gapBefore: number;
}

/**
 * The active periods: each week with attacks plus `pad` weeks either group
 * (shown as zeros), merged where they touch. Long empty stretches between
 * them are left out and reported as gaps, so six years with a few active
 * months stay readable.
 */
export function activePeriods(active: readonly string[], pad = 2): Period[] {
	const sorted = [...new Set(active)].sort();
	const periods: Period[] = [];
	let prevEnd: string | null = null;
	for (const week of sorted) {
		const start = addDays(week, -7 * pad);
		const end = addDays(week, 7 * pad);
		const current = periods.at(-1);
		if (current && prevEnd && start <= addDays(prevEnd, 7)) {
			for (let w = addDays(prevEnd, 7); w <= end; w = addDays(w, 7)) current.weeks.push(w);
		} else {
			const gapBefore = prevEnd ? weekRange(addDays(prevEnd, 7), addDays(start, -7)).length : 0;
			periods.push({ weeks: weekRange(start, end), gapBefore });
		}
		if (!prevEnd || end > prevEnd) prevEnd = end;
	}
	return periods;
}

/** Whether the compact view helps: a long span in which most weeks are empty. */
export function sparse(active: readonly string[]): boolean {
	if (active.length === 0) return false;
	const sorted = [...active].sort();
	const span = weekRange(sorted[0]!, sorted.at(-1)!).length;
	return span > 52 && new Set(active).size / span < 0.3;
}

/** A tick of the weekly chart's time axis: where it sits and what it says. */
export interface TimeTick {
	at: Date;
	label: string;
}

const DAY_FMT = new Intl.DateTimeFormat('en', {
	day: 'numeric',
	month: 'short',
	year: 'numeric',
	timeZone: 'UTC'
});
const MONTH_FMT = new Intl.DateTimeFormat('en', {
	month: 'short',
	year: 'numeric',
	timeZone: 'UTC'
});
const utc = (d: string) => new Date(`${d}T00:00:00Z`);

/**
 * Ticks for a time axis of whole weeks from Monday `first` to Monday `last`
 * (inclusive), never finer than a week: with room for every week, one tick
 * in the middle of each week's bar naming its Monday ("5 Feb 2018"); else
 * one per month (or per 2, 3, 6, 12 months) at the 1st, which falls inside
 * the bar of the week that contains it, so a bar is never labelled with the
 * month before its own. `room` is how many labels fit across the chart.
 */
export function weekTicks(first: string, last: string, room: number): TimeTick[] {
	const weeks = weekRange(first, last);
	if (weeks.length <= Math.max(1, Math.floor(room / 1.6)))
		return weeks.map((w) => ({
			at: new Date(utc(w).getTime() + 3.5 * DAY),
			label: DAY_FMT.format(utc(w))
		}));
	const start = utc(first);
	const end = utc(addDays(last, 7));
	const months: Date[] = [];
	for (
		let m = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
		m < end;
		m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))
	)
		months.push(m);
	const step = [1, 2, 3, 6, 12, 24, 60].find((s) => months.length / s <= room) ?? 120;
	const kept = months.filter((m) => (m.getUTCFullYear() * 12 + m.getUTCMonth()) % step === 0);
	if (kept.length === 0)
		return [{ at: new Date(start.getTime() + 3.5 * DAY), label: MONTH_FMT.format(start) }];
	return kept.map((m) => ({ at: m, label: MONTH_FMT.format(m) }));
}

/** The month a period of the compact view is labelled with: its first incident's, not its Monday's. */
export function periodLabel(firstIncident: string | null, monday: string): string {
	return MONTH_FMT.format(utc(firstIncident ?? monday));
}

/**
 * The period labels that fit: of `starts` (in `domain` order), keep a label
 * only when it sits at least `labelPx` after the last kept one on a band
 * scale of `domain.length` bands over `widthPx`. Many short periods (a sparse
 * import over years) would otherwise print their labels on top of each other.
 */
export function thinTicks(
	starts: readonly string[],
	domain: readonly string[],
	widthPx: number,
	labelPx: number
): string[] {
	const step = widthPx / Math.max(1, domain.length);
	const at = new Map(domain.map((d, i) => [d, i]));
	const kept: string[] = [];
	let last = -Infinity;
	for (const s of starts) {
		const x = (at.get(s) ?? 0) * step;
		if (x - last < labelPx) continue;
		kept.push(s);
		last = x;
	}
	return kept;
}
