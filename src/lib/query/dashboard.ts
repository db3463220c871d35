import { groupColumns, maskOf, MEASURES, type AggregateSpec } from './aggregates';
import { FACTS } from './facts';
import { whereClause, type Filters } from './filters';
import type { Param, SqlQuery } from './types';

/** Aggregates the headline needs whatever the panels: the total, the cited reports, the actors. */
export const HEADLINE_SPECS: readonly AggregateSpec[] = [
	{ name: 'headline', keys: [], omit: [], order: 'keys' },
	{ name: 'sources', keys: ['source_ids'], omit: [], order: 'keys' },
	{ name: 'actorCount', keys: ['actor'], omit: [], order: 'keys' }
];
const ACTOR_JOIN = `LEFT JOIN (SELECT actor, any_value(name_ar) AS name_ar FROM actors GROUP BY actor) AS a
	ON a.actor = agg.actor`;
const TARGET_JOIN = `LEFT JOIN (SELECT target, any_value(name_ar) AS name_ar FROM targets GROUP BY target) AS t
	ON t.target = agg.target`;

/** Rows the SQL folds into the headline and drops (see labelled). */
const FOLDED = ['sources', 'actorCount'];

/** Aggregates grouped by the WHERE clause they run under (equal cross-filters share one scan). */
export function branches(
	specs: readonly AggregateSpec[],
	filters: Filters,
	extraOmit: readonly string[] = []
): { where: SqlQuery; specs: AggregateSpec[] }[] {
	const out = new Map<string, { where: SqlQuery; specs: AggregateSpec[] }>();
	for (const spec of specs) {
		const where = whereClause(filters, [...spec.omit, ...(extraOmit as never[])]);
		const key = `${where.sql}\u0000${JSON.stringify(where.params)}`;
		const b = out.get(key) ?? { where, specs: [] };
		b.specs.push(spec);
		out.set(key, b);
	}
	return [...out.values()];
}

/**
 * Every asked aggregate of the dashboard in ONE statement: aggregates under
 * the same cross-filter share one scan of the facts (GROUPING SETS), the few
 * different cross-filters are UNION ALL branches. Each row is tagged with its
 * aggregate's name in `agg`. Labels are joined onto the few result rows by
 * labelled(). The headline aggregates are always included.
 */
export function dashboardQuery(filters: Filters, specs: readonly AggregateSpec[]): SqlQuery {
	const all = withHeadline(specs);
	const cols = groupColumns(all);
	const params: Param[] = [];
	const parts = branches(all, filters).map((b) => {
		params.push(...(b.where.params ?? []));
		const mine = groupColumns(b.specs);
		const grouping = mine.length ? `GROUPING(${mine.join(', ')})` : '0';
		const tag = b.specs.map((s) => `WHEN ${maskOf(mine, s.keys)} THEN '${s.name}'`).join(' ');
		const sets = b.specs.map((s) => `(${s.keys.join(', ')})`).join(', ');
		return `SELECT CASE ${grouping} ${tag} END AS agg, ${selectCols(cols, mine)},
	${MEASURES}
	FROM ${FACTS}
	${b.where.sql}
	GROUP BY GROUPING SETS (${sets})`;
	});
	return labelled(parts.join('\n\tUNION ALL\n\t'), params, cols);
}

/**
 * The select list of one branch: every column of the statement, NULL for
 * those the branch does not group by (UNION ALL lines columns up by position;
 * GROUPING() may only name the branch's own grouping columns).
 */
export function selectCols(cols: readonly string[], mine: readonly string[]): string {
	return cols.map((c) => (mine.includes(c) ? c : `NULL AS ${c}`)).join(', ');
}

/** The headline aggregates plus `specs`, each name once. */
export function withHeadline(specs: readonly AggregateSpec[]): AggregateSpec[] {
	const names = new Set(specs.map((s) => s.name));
	return [...HEADLINE_SPECS.filter((s) => !names.has(s.name)), ...specs];
}

/**
 * The page's rows from `agg` (one row per group, aggregate name in `agg`):
 * labels joined on, the distinct cited reports and actors counted into the
 * headline row from the 'sources' and 'actorCount' rows, which are dropped.
 * Shared by the single pass and by the index roll-up (./cube.ts).
 */
export function labelled(agg: string, params: readonly Param[], cols: readonly string[]): SqlQuery {
	const has = (c: string) => cols.includes(c);
	return {
		sql: `WITH agg AS (
	${agg}
)
SELECT agg.* EXCLUDE (source_ids),
	${has('actor') ? 'a.name_ar' : 'NULL::VARCHAR'} AS actor_ar,
	${has('target') ? 't.name_ar' : 'NULL::VARCHAR'} AS target_ar,
	${has('place') ? 'p.name_en' : 'NULL::VARCHAR'} AS place_en,
	${has('place') ? 'p.name_ar' : 'NULL::VARCHAR'} AS place_ar,
	${has('place') ? 'p.latitude' : 'NULL::DOUBLE'} AS latitude,
	${has('place') ? 'p.longitude' : 'NULL::DOUBLE'} AS longitude,
	${has('place') ? 'p.admin1' : 'NULL::VARCHAR'} AS place_admin1,
	CASE WHEN agg.agg = 'headline' THEN (
		SELECT count(DISTINCT trim(s))::INTEGER
		FROM agg AS x, unnest(string_split(x.source_ids, ';')) AS u(s)
		WHERE x.agg = 'sources' AND trim(s) <> ''
	) END AS reports,
	CASE WHEN agg.agg = 'headline' THEN (
		SELECT count(x.actor)::INTEGER FROM agg AS x WHERE x.agg = 'actorCount'
	) END AS actors
FROM agg
${has('actor') ? ACTOR_JOIN : ''}
${has('target') ? TARGET_JOIN : ''}
${
	has('place')
		? `LEFT JOIN (SELECT place_id, any_value(name_en) AS name_en, any_value(name_ar) AS name_ar,
		any_value(latitude) AS latitude, any_value(longitude) AS longitude, any_value(admin1) AS admin1
	FROM places GROUP BY place_id) AS p
	ON p.place_id = agg.place`
		: ''
}
WHERE agg.agg NOT IN (${FOLDED.map((n) => `'${n}'`).join(', ')})`,
		params
	};
}

export interface Measures {
	n: number;
	attacks: number;
	fatalities: number;
	injuries: number;
	first: string | null;
	last: string | null;
}
export interface Headline extends Measures {
	actors: number;
	reports: number;
}
export interface ActorRow extends Measures {
	actor: string;
	side: string;
	actor_ar: string | null;
}
export interface TargetRow extends Measures {
	target: string;
	target_type: string;
	target_ar: string | null;
}
export interface WeekRow extends Measures {
	week: string;
	side: string;
}
export interface WeekActorRow extends Measures {
	week: string;
	actor: string;
}
export interface WeaponRow extends Measures {
	weapon: string;
}
export interface OutcomeRow extends Measures {
	outcome: string;
}
export interface PlaceRow extends Measures {
	place: string;
	place_en: string | null;
	place_ar: string | null;
	latitude: number | null;
	longitude: number | null;
	place_admin1: string | null;
}

/**
 * The dashboard's aggregates by name. The built-in panels' rows are typed;
 * a panel added to the registry reads its own aggregate by name.
 */
export interface DashboardData {
	headline: Headline;
	byActor: ActorRow[];
	byTarget: TargetRow[];
	byWeek: WeekRow[];
	byWeekActor: WeekActorRow[];
	byWeapon: WeaponRow[];
	byOutcome: OutcomeRow[];
	byPlace: PlaceRow[];
	[name: string]: unknown;
}

type Raw = Record<string, unknown> & { agg: string };
const EMPTY: Headline = {
	n: 0,
	attacks: 0,
	fatalities: 0,
	injuries: 0,
	first: null,
	last: null,
	actors: 0,
	reports: 0
};

/** Sort rows for display: most first then by the first key, or by the keys in order. */
function sortRows(rows: Raw[], spec: AggregateSpec): Raw[] {
	const keyCmp = (a: Raw, b: Raw) => {
		for (const k of spec.keys) {
			const c = String(a[k] ?? '').localeCompare(String(b[k] ?? ''));
			if (c) return c;
		}
		return 0;
	};
	return rows.sort(
		spec.order === 'count' ? (a, b) => Number(b.n) - Number(a.n) || keyCmp(a, b) : keyCmp
	);
}

/**
 * Split a statement's rows into the page's aggregates, each sorted for display.
 * Only the aggregates in `specs` (and the headline) are set: a partial update
 * leaves the others to the caller.
 */
export function splitAggregates(
	rows: readonly Record<string, unknown>[],
	specs: readonly AggregateSpec[]
): Partial<DashboardData> {
	const by = new Map<string, Raw[]>();
	for (const r of rows as Raw[]) {
		const list = by.get(r.agg);
		if (list) list.push(r);
		else by.set(r.agg, [r]);
	}
	const out: Record<string, unknown> = {};
	for (const spec of specs)
		if (spec.name !== 'headline') out[spec.name] = sortRows(by.get(spec.name) ?? [], spec);
	const head = by.get('headline')?.[0];
	// With no rows matching, GROUP BY () still yields one row: fatalities are NULL then.
	out.headline = head
		? {
				...(head as unknown as Headline),
				fatalities: Number(head.fatalities ?? 0),
				injuries: Number(head.injuries ?? 0),
				reports: Number(head.reports ?? 0),
				actors: Number(head.actors ?? 0)
			}
		: EMPTY;
	return out as Partial<DashboardData>;
}

/** The whole dashboard from one statement's rows (every aggregate in `specs`). */
export function splitDashboard(
	rows: readonly Record<string, unknown>[],
	specs: readonly AggregateSpec[]
): DashboardData {
	return splitAggregates(rows, specs) as DashboardData;
}
