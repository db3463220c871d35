/**
 * The "What changed" figures: per actor, target, place, admin1 and weapon,
 * the events in a reference period, in the baseline periods before it and in
 * the look-back year before it. One scan of the facts table with GROUPING
 * SETS, like the dashboard's aggregates; the levels are classified in TS
 * (./trend-rules.ts) from these counts.
 */
import { FACTS } from './facts';
import { whereClause, type Filters } from './filters';
import { periodRange, shiftPeriod, type DateRange, type TrendWindow } from './periods';
import { trendLevel, TREND_LEVELS, type TrendFigures } from './trend-rules';
import type { Param, SqlQuery } from './types';

/** The groupings compared, in the panel's order. `admin1` comes from the places table. */
export const TREND_DIMENSIONS = ['actor', 'target', 'place', 'admin1', 'weapon'] as const;
export type TrendDimension = (typeof TREND_DIMENSIONS)[number];

/** GROUPING() mask of a set grouping only `dim` (bit set = column not grouped, first column highest). */
const maskOf = (dim: TrendDimension): number =>
	TREND_DIMENSIONS.reduce(
		(m, d, i) => (d === dim ? m : m | (1 << (TREND_DIMENSIONS.length - 1 - i))),
		0
	);

/** The filters a trend comparison runs under: the periods replace the date range (and "new in this period"). */
export function trendFilters(filters: Filters): Filters {
	const rest = { ...filters };
	delete rest.from;
	delete rest.to;
	delete rest.emerging;
	return rest;
}

const PLACES = `(SELECT place_id, any_value(admin1) AS admin1, any_value(name_en) AS name_en
	FROM places GROUP BY place_id)`;

/**
 * Counts per dimension value for one trend window, under `filters` (their date
 * range ignored, see trendFilters). Rows: dim, key (NULL for an admin1 the
 * places table lacks), label (the place's English name), now, base, year.
 * Values with no event now and none in the baseline are left out.
 */
export function trendQuery(filters: Filters, w: TrendWindow): SqlQuery {
	const where = whereClause(trendFilters(filters));
	const lo = w.year.from < w.baseline.from ? w.year.from : w.baseline.from;
	const cols = TREND_DIMENSIONS.join(', ');
	const dim = TREND_DIMENSIONS.map((d) => `WHEN ${maskOf(d)} THEN '${d}'`).join(' ');
	const key = TREND_DIMENSIONS.map((d) => `WHEN ${maskOf(d)} THEN g.${d}`).join(' ');
	const between = 'event_date BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)';
	const and = where.sql ? `${where.sql} AND` : 'WHERE';
	const params: Param[] = [
		...(where.params ?? []),
		lo,
		w.now.to,
		w.now.from,
		w.now.to,
		w.baseline.from,
		w.baseline.to,
		w.year.from,
		w.year.to
	];
	return {
		sql: `WITH f AS (
	SELECT x.event_date, x.actor, x.target, x.place, p.admin1, x.weapon
	FROM (SELECT * FROM ${FACTS} ${and} ${between}) AS x
	LEFT JOIN ${PLACES} AS p ON p.place_id = x.place
), g AS (
	SELECT GROUPING(${cols})::INTEGER AS g, ${cols},
		(count(*) FILTER (WHERE ${between}))::INTEGER AS now,
		(count(*) FILTER (WHERE ${between}))::INTEGER AS base,
		(count(*) FILTER (WHERE ${between}))::INTEGER AS year
	FROM f
	GROUP BY GROUPING SETS (${TREND_DIMENSIONS.map((d) => `(${d})`).join(', ')})
)
SELECT CASE g.g ${dim} END AS dim, CASE g.g ${key} END AS key, p.name_en AS label, now, base, year
FROM g LEFT JOIN ${PLACES} AS p ON g.g = ${maskOf('place')} AND p.place_id = g.place
WHERE now > 0 OR base > 0`,
		params
	};
}

/**
 * The dates a comparison is anchored on, under `filters`: `newest`, the latest
 * event matching them (the date range's end still applies, its start does
 * not), and `first`, the first event of the whole dataset under the events
 * toggle alone (where the data begins, for the baseline's coverage).
 */
export function trendExtentQuery(filters: Filters): SqlQuery {
	const capped = trendFilters(filters);
	if (filters.to) capped.to = filters.to;
	const where = whereClause(capped);
	const base = whereClause({ all: filters.all });
	return {
		sql: `SELECT strftime(max(event_date), '%Y-%m-%d') AS newest,
	(SELECT strftime(min(event_date), '%Y-%m-%d') FROM ${FACTS} ${base.sql}) AS first
FROM ${FACTS} ${where.sql}`,
		params: [...(base.params ?? []), ...(where.params ?? [])]
	};
}

/** How many of the window's baseline periods end on or after `first` (the data's first date). */
export function coveredPeriods(w: TrendWindow, first: string | null): number {
	if (first === null) return 0;
	let covered = 0;
	for (let k = 1; k <= w.baselinePeriods; k++) {
		const range: DateRange = periodRange(shiftPeriod(w.now.from, w.kind, -k), w.kind);
		if (range.to >= first) covered++;
	}
	return covered;
}

export interface TrendRow extends TrendFigures {
	dim: TrendDimension;
	key: string | null;
	label: string | null;
	now: number;
	base: number;
	year: number;
}

/** Classify the query's rows, grouped by dimension, each sorted by level, then largest change, then name. */
export function splitTrends(
	rows: readonly Record<string, unknown>[],
	covered: number
): Record<TrendDimension, TrendRow[]> {
	const out = Object.fromEntries(TREND_DIMENSIONS.map((d) => [d, [] as TrendRow[]])) as Record<
		TrendDimension,
		TrendRow[]
	>;
	for (const r of rows) {
		const [now, base, year] = [Number(r.now), Number(r.base), Number(r.year)];
		const dim = r.dim as TrendDimension;
		out[dim].push({
			dim,
			key: r.key === null ? null : String(r.key),
			label: r.label == null ? null : String(r.label),
			now,
			base,
			year,
			...trendLevel({ now, baseTotal: base, year, covered })
		});
	}
	const rank = (r: TrendRow) => TREND_LEVELS.indexOf(r.level);
	for (const list of Object.values(out))
		list.sort(
			(a, b) =>
				rank(a) - rank(b) ||
				Math.abs(b.change ?? b.now) - Math.abs(a.change ?? a.now) ||
				b.now - a.now ||
				String(a.key).localeCompare(String(b.key))
		);
	return out;
}
