import { FACTS } from './facts';
import { whereClause, type Filters } from './filters';
import type { SqlQuery } from './types';

/** Every column an aggregate may group by, in the order GROUPING() reports them. */
export const GROUP_COLUMNS = [
	'actor',
	'side',
	'target',
	'target_type',
	'week',
	'weapon',
	'outcome',
	'place',
	'admin1',
	'dataset',
	'source_ids'
] as const;
export type GroupColumn = (typeof GROUP_COLUMNS)[number];

/**
 * The dashboard's aggregates: one grouping of the filtered incidents each.
 * `headline` is the grand total; `sources` groups by the cited-report list so
 * the distinct reports can be counted from a few rows instead of a second scan.
 */
export const AGGREGATES = {
	headline: [],
	byActor: ['actor', 'side'],
	byTarget: ['target', 'target_type'],
	byWeek: ['week', 'side'],
	byWeekActor: ['week', 'actor'],
	byWeapon: ['weapon'],
	byOutcome: ['outcome'],
	byPlace: ['place'],
	byAdmin1: ['admin1'],
	byDataset: ['dataset'],
	sources: ['source_ids']
} as const satisfies Record<string, readonly GroupColumn[]>;
export type AggregateName = keyof typeof AGGREGATES;

/** Counts every aggregate row carries. `n` counts the filtered incidents (attacks unless "all events"). */
export const MEASURES = `count(*)::INTEGER AS n,
	(count(*) FILTER (WHERE is_attack))::INTEGER AS attacks,
	sum(fatalities)::BIGINT AS fatalities,
	sum(injuries)::BIGINT AS injuries,
	min(event_date) AS first,
	max(event_date) AS last`;

/** The GROUPING() bitmask DuckDB gives rows of this aggregate (bit set = column not grouped). */
export function groupingMask(name: AggregateName): number {
	return maskOf(AGGREGATES[name]);
}

/** The GROUPING() bitmask of any set of group columns. */
export function maskOf(keys: readonly string[]): number {
	return GROUP_COLUMNS.reduce(
		(mask, col, i) => (keys.includes(col) ? mask : mask | (1 << (GROUP_COLUMNS.length - 1 - i))),
		0
	);
}

/**
 * One aggregate on its own: a plain GROUP BY over the filtered facts. The page
 * runs all of them in one pass (./dashboard.ts); this is the reference the
 * single pass is tested against, and what a chart can re-run alone.
 */
export function aggregateQuery(name: AggregateName, filters: Filters): SqlQuery {
	const keys: readonly string[] = AGGREGATES[name];
	const where = whereClause(filters);
	const select = keys.length ? `${keys.join(', ')},\n\t` : '';
	const group = keys.length ? `\nGROUP BY ${keys.join(', ')}` : '';
	return {
		sql: `SELECT ${select}${MEASURES}\nFROM ${FACTS}\n${where.sql}${group}`,
		params: where.params
	};
}
