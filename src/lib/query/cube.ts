import { groupColumns, maskOf, MEASURES, type AggregateSpec } from './aggregates';
import { branches, labelled, selectCols, withHeadline } from './dashboard';
import { FACTS } from './facts';
import { choiceSql, type Choice, type Dimension, type Filters } from './filters';
import { quoteIdent } from './sql';
import type { Param, SqlQuery } from './types';

/** The prefix of the per-connection index tables (one per dimension). */
export const CUBE = 'dash_cube';

/** Where one aggregate's rows sit in the index, and whether the active selection filters it. */
interface Slot {
	/** UNION ALL branch and GROUPING() mask of the rows it reads. */
	b: number;
	gi: number;
	agg: string;
	/** False for the aggregates whose panel owns the active dimension: its selection never filters them. */
	filtered: boolean;
	/** Whether the aggregate itself groups by the active dimension (else it sums over it). */
	keeps: boolean;
}

/** An index as built: the active dimension, the columns and every aggregate's slot. */
export interface CubePlan {
	dim: Dimension;
	/** The temp table holding it. */
	table: string;
	cols: string[];
	slots: Slot[];
}

/**
 * A pre-aggregated index in the manner of Mosaic's data cubes, for one
 * "active" dimension (the one the user is clicking in): every aggregate of
 * the page, additionally grouped by that dimension, under its cross-filter
 * without that dimension. While only that dimension's selection changes
 * (clicks, multi-select, exclusion), the page is answered from this small
 * table (cubeQuery) instead of scanning the facts again. One statement builds it.
 */
export function buildCube(
	dim: Dimension,
	filters: Filters,
	specs: readonly AggregateSpec[],
	table = `${CUBE}_${dim}`
): { query: SqlQuery; plan: CubePlan } {
	const all = withHeadline(specs);
	const setOf = (s: AggregateSpec) =>
		s.omit.includes(dim) || s.keys.includes(dim) ? [...s.keys] : [...s.keys, dim];
	const cols = groupColumns([...all, { name: '', keys: [dim], omit: [], order: 'keys' }]);
	const params: Param[] = [];
	const slots: Slot[] = [];
	const parts = branches(all, filters, [dim]).map((br, b) => {
		params.push(...(br.where.params ?? []));
		const mine = groupColumns(br.specs.map((s) => ({ ...s, keys: setOf(s) })));
		const sets = new Map<number, string[]>();
		for (const s of br.specs) {
			const set = setOf(s);
			const gi = maskOf(mine, set);
			sets.set(gi, set);
			slots.push({
				b,
				gi,
				agg: s.name,
				filtered: !s.omit.includes(dim),
				keeps: s.keys.includes(dim)
			});
		}
		const grouping = [...sets.values()].map((k) => `(${k.join(', ')})`).join(', ');
		const mask = mine.length ? `GROUPING(${mine.join(', ')})::INTEGER` : '0';
		return `SELECT ${b} AS b, ${mask} AS gi, ${selectCols(cols, mine)},
	${MEASURES}
FROM ${FACTS}
${br.where.sql}
GROUP BY GROUPING SETS (${grouping})`;
	});
	return {
		query: {
			sql: `CREATE OR REPLACE TEMP TABLE ${quoteIdent(table)} AS\n${parts.join('\nUNION ALL\n')}`,
			params
		},
		plan: { dim, table, cols, slots }
	};
}

/**
 * The page's rows for the active dimension's `choice` (or none), rolled up
 * from the index: each aggregate sums its slot's rows that match the choice.
 * The result has exactly the shape and numbers of dashboardQuery on the same
 * filters. Only the aggregates named in `names` are read (all when omitted).
 *
 * One GROUP BY over the index rather than one SELECT per aggregate: planning,
 * not execution, is what the user waits for on an index of a few thousand rows.
 * The headline slot is LEFT-joined so that, as in a full pass, the headline row
 * exists even when nothing matches.
 */
export function cubeQuery(
	plan: CubePlan,
	choice: Choice | undefined,
	names?: readonly string[]
): SqlQuery {
	const slots = plan.slots.filter(
		(s) => !names || names.includes(s.agg) || ['headline', 'sources', 'actorCount'].includes(s.agg)
	);
	const pick = choice?.values.length ? choice : undefined;
	const params: Param[] = [];
	const match = pick
		? ` AND (NOT m.f OR ${choiceSql(`c.${quoteIdent(plan.dim)}`, pick, params)})`
		: '';
	const rows = slots.map((s) => `(${s.b}, ${s.gi}, '${s.agg}', ${s.filtered}, ${s.keeps})`);
	// A dimension no aggregate groups by (admin1, dataset) is only filtered on: the index
	// keeps it as a column, but the page's rows (like a full pass) do not carry it.
	const kept = plan.slots.some((s) => s.keeps)
		? plan.cols
		: plan.cols.filter((c) => c !== plan.dim);
	const cols = kept.map((c) =>
		c === plan.dim
			? `CASE WHEN m.keeps THEN c.${quoteIdent(c)} END AS ${quoteIdent(c)}`
			: `c.${quoteIdent(c)}`
	);
	return labelled(
		`SELECT m.agg, ${cols.join(', ')},
		coalesce(sum(c.n), 0)::INTEGER AS n, coalesce(sum(c.attacks), 0)::INTEGER AS attacks,
		sum(c.fatalities)::BIGINT AS fatalities, sum(c.injuries)::BIGINT AS injuries,
		min(c.first) AS first, max(c.last) AS last
	FROM (VALUES ${rows.join(', ')}) AS m(b, gi, agg, f, keeps)
	LEFT JOIN ${quoteIdent(plan.table)} AS c ON c.b = m.b AND c.gi = m.gi${match}
	WHERE c.gi IS NOT NULL OR m.agg = 'headline'
	GROUP BY ALL`,
		params,
		kept
	);
}
