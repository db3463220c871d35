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
