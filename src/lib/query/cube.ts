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
 *
 * One GROUP BY over the cube rather than one SELECT per aggregate: a
 * statement's planning cost grows with its parts, and on a cube of a few
 * thousand rows planning, not execution, is what the user waits for. A small
 * VALUES list maps each cube set to the aggregates it answers (one set can
 * answer two: for `weapon`, {weapon} is both byWeapon's and the headline's set);
 * `dim` is blanked for aggregates that do not group by it, so their rows sum
 * over its values. The headline pair is LEFT-joined so that, as in a full
 * pass, the headline row exists even when nothing matches.
 */
export function cubeQuery(dim: Dimension, value: string | undefined): SqlQuery {
	const pairs = Object.values(AGGREGATES).map((keys) => {
		const set = keys.includes(dim as never) ? [...keys] : [...keys, dim];
		return `(${maskOf(set)}, ${maskOf(keys)})`;
	});
	// GROUPING() sets a column's bit when it is NOT grouped: the mask of everything but `dim` is `dim`'s bit.
	const dimBit = maskOf(GROUP_COLUMNS.filter((c) => c !== dim));
	const headline = maskOf(AGGREGATES.headline);
	const cols = GROUP_COLUMNS.map((c) =>
		c === dim ? `CASE WHEN m.g & ${dimBit} = 0 THEN c.${c} END AS ${c}` : `c.${c}`
	);
	const match = value === undefined ? '' : ` AND c.${quoteIdent(dim)} = ?`;
	return labelled(
		`SELECT m.g, ${cols.join(', ')},
		coalesce(sum(c.n), 0)::INTEGER AS n, coalesce(sum(c.attacks), 0)::INTEGER AS attacks,
		sum(c.fatalities)::BIGINT AS fatalities, sum(c.injuries)::BIGINT AS injuries,
		min(c.first) AS first, max(c.last) AS last
	FROM (VALUES ${pairs.join(', ')}) AS m(gi, g)
	LEFT JOIN ${CUBE} AS c ON c.gi = m.gi${match}
	WHERE c.gi IS NOT NULL OR m.g = ${headline}
	GROUP BY ${GROUP_COLUMNS.map((_, i) => i + 1)
		.concat(GROUP_COLUMNS.length + 1)
		.join(', ')}`,
		value === undefined ? [] : [value]
	);
}
