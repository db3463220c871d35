import { AGGREGATES, GROUP_COLUMNS, MEASURES, maskOf } from './aggregates';
import { labelled } from './dashboard';
import { FACTS } from './facts';
import { whereClause, type Dimension, type Filters } from './filters';
import { quoteIdent } from './sql';
import type { SqlQuery } from './types';

/** The per-connection table holding the current cube (one at a time). */
export const CUBE = 'dash_cube';

/** Every aggregate's keys with `dim` added, without repeats (the cube's grouping sets). */
function cubeSets(dim: Dimension): string[][] {
	const seen = new Map<number, string[]>();
	for (const keys of Object.values(AGGREGATES)) {
		const set = keys.includes(dim as never) ? [...keys] : [...keys, dim];
		seen.set(maskOf(set), set);
	}
	return [...seen.values()];
}

/** Filters without `dim`: what a cube for `dim` is built under. */
export function withoutDimension(filters: Filters, dim: Dimension): Filters {
	const rest = { ...filters };
	delete rest[dim];
	return rest;
}

/**
 * A data-cube index in the manner of Mosaic: every aggregate of the page,
 * additionally grouped by one dimension, under all the other filters. While
 * only that dimension's filter changes (clicking bars of one chart, picking
 * values in one select), the page is answered from this small table instead
 * of scanning the incidents again (cubeQuery). One scan builds it.
 */
export function buildCube(dim: Dimension, filters: Filters): SqlQuery {
	const where = whereClause(withoutDimension(filters, dim));
	const cols = GROUP_COLUMNS.join(', ');
	const sets = cubeSets(dim)
		.map((k) => `(${k.join(', ')})`)
		.join(', ');
	return {
		sql: `CREATE OR REPLACE TEMP TABLE ${CUBE} AS
SELECT GROUPING(${cols})::INTEGER AS gi, ${cols},
	${MEASURES}
FROM ${FACTS}
${where.sql}
GROUP BY GROUPING SETS (${sets})`,
		params: where.params
	};
}

/**
 * The page's rows for `dim` = `value` (or any value when undefined) rolled up
 * from the cube: each aggregate sums its cube set's rows for that value. The
 * result has exactly the shape and numbers of dashboardQuery on the same filters.
 */
export function cubeQuery(dim: Dimension, value: string | undefined): SqlQuery {
	const params: string[] = [];
	const parts = Object.values(AGGREGATES).map((keys) => {
		const set = keys.includes(dim as never) ? [...keys] : [...keys, dim];
		const select = GROUP_COLUMNS.map((c) =>
			(keys as readonly string[]).includes(c) ? c : `NULL AS ${c}`
		).join(', ');
		const group = keys.length ? `GROUP BY ${keys.join(', ')}` : '';
		const match = value === undefined ? '' : ` AND ${quoteIdent(dim)} = ?`;
		if (value !== undefined) params.push(value);
		return `SELECT ${maskOf(keys)} AS g, ${select},
		coalesce(sum(n), 0)::INTEGER AS n, coalesce(sum(attacks), 0)::INTEGER AS attacks,
		sum(fatalities)::BIGINT AS fatalities, sum(injuries)::BIGINT AS injuries,
		min(first) AS first, max(last) AS last
	FROM ${CUBE} WHERE gi = ${maskOf(set)}${match}
	${group}`;
	});
	return labelled(parts.join('\n\tUNION ALL\n\t'), params);
}
