import { FACTS } from './facts';
import { whereClause, type FilterKey, type Filters } from './filters';
import type { SqlQuery } from './types';

/**
 * One grouping of the filtered incidents that a panel draws.
 * - `keys`: facts columns it groups by (none = the grand total);
 * - `omit`: the filter parts its panel owns. Cross-filtering: a panel's own
 *   selection is left out of its own query, so a clicked chart keeps all its
 *   bars (and highlights the selection) while every other panel filters.
 * - `order`: 'count' sorts most first (ties by the first key), 'keys' by the keys.
 */
export interface AggregateSpec {
	name: string;
	keys: readonly string[];
	omit: readonly FilterKey[];
	order: 'count' | 'keys';
}

/** Counts every aggregate row carries. `n` counts the filtered incidents (attacks unless "all events"). */
export const MEASURES = `count(*)::INTEGER AS n,
	(count(*) FILTER (WHERE is_attack))::INTEGER AS attacks,
	sum(fatalities)::BIGINT AS fatalities,
	sum(injuries)::BIGINT AS injuries,
	min(event_date) AS first,
	max(event_date) AS last`;

/** Every column the aggregates group by, in order of first appearance (GROUPING() order). */
export function groupColumns(specs: readonly AggregateSpec[]): string[] {
	return [...new Set(specs.flatMap((s) => s.keys))];
}

/** The GROUPING() bitmask of a set of `cols` (bit set = column not grouped). */
export function maskOf(cols: readonly string[], keys: readonly string[]): number {
	return cols.reduce(
		(mask, col, i) => (keys.includes(col) ? mask : mask | (1 << (cols.length - 1 - i))),
		0
	);
}

/**
 * One aggregate on its own: a plain GROUP BY over the facts under its own
 * cross-filter. The page runs all of them in one statement (./dashboard.ts);
 * this is the reference that statement is tested against.
 */
export function aggregateQuery(spec: AggregateSpec, filters: Filters): SqlQuery {
	const where = whereClause(filters, spec.omit);
	const select = spec.keys.length ? `${spec.keys.join(', ')},\n\t` : '';
	const group = spec.keys.length ? `\nGROUP BY ${spec.keys.join(', ')}` : '';
	return {
		sql: `SELECT ${select}${MEASURES}\nFROM ${FACTS}\n${where.sql}${group}`,
		params: where.params
	};
}
