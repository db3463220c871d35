import { ACTOR_COLORS, SIDES, sideScale } from './palette';
import type { WeekCount } from './weeks';

/** How the weekly bars are split: by side (Okabe–Ito) or by actor (12 colours, the rest "Other"). */
export type StackBy = 'side' | 'actor';

export interface Series {
	rows: WeekCount[];
	color: { domain: string[]; range: string[]; legend: boolean };
}

/** Weekly counts by side as chart series. */
export function bySide(rows: readonly { week: string; side: string; n: number }[]): Series {
	const groups = [...new Set(rows.map((r) => r.side))];
	return {
		rows: rows.map((r) => ({ week: r.week, group: r.side, n: r.n })),
		color: sideScale(groups)
	};
}

/**
 * Weekly counts by actor: the busiest actors get the twelve palette colours
 * (eleven when a twelfth slot is needed for "Other"), everyone else is summed
 * per week into `other`.
 */
export function byActor(
	rows: readonly { week: string; actor: string; n: number }[],
	other: string
): Series {
	const totals = new Map<string, number>();
	for (const r of rows) totals.set(r.actor, (totals.get(r.actor) ?? 0) + r.n);
	const ranked = [...totals]
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.map(([a]) => a);
	const room = ranked.length <= ACTOR_COLORS.length ? ACTOR_COLORS.length : ACTOR_COLORS.length - 1;
	const named = new Set(ranked.slice(0, room));
	const sums = new Map<string, WeekCount>();
	for (const r of rows) {
		const group = named.has(r.actor) ? r.actor : other;
		const key = `${r.week} ${group}`;
		const s = sums.get(key) ?? { week: r.week, group, n: 0 };
		s.n += r.n;
		sums.set(key, s);
	}
	const domain = [...ranked.slice(0, room), ...(ranked.length > room ? [other] : [])];
	const range = domain.map((d, i) => (d === other && !named.has(d) ? '#BBBBBB' : ACTOR_COLORS[i]!));
	return { rows: [...sums.values()], color: { domain, range, legend: true } };
}

/**
 * A colour scale for any category column (the SQL quick chart): sides get the
 * dashboard's side colours; other values (actors and the rest) the actor
 * palette in order of their total, largest first, as the dashboard ranks
 * actors; past twelve values the rest are grey (`greyed` counts them).
 */
export function categoryScale(totals: ReadonlyMap<string, number>): {
	color: Series['color'];
	greyed: number;
} {
	const values = [...totals.keys()];
	if (values.every((v) => SIDES.includes(v))) return { color: sideScale(values), greyed: 0 };
	const domain = [...totals]
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.map(([v]) => v);
	const range = domain.map((_, i) => ACTOR_COLORS[i] ?? '#BBBBBB');
	return {
		color: { domain, range, legend: true },
		greyed: Math.max(0, domain.length - ACTOR_COLORS.length)
	};
}
