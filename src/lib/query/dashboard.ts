import {
	AGGREGATES,
	GROUP_COLUMNS,
	MEASURES,
	groupingMask,
	type AggregateName
} from './aggregates';
import { FACTS } from './facts';
import { whereClause, type Filters } from './filters';
import type { Param, SqlQuery } from './types';

/**
 * Every aggregate of the dashboard in ONE scan of the facts table: the filter
 * runs once and DuckDB's GROUPING SETS fill all groupings from the same rows.
 * Labels (Arabic names, coordinates) are joined onto the few result rows, not
 * onto the scanned ones, by plain equi-joins (hash joins): only the rows that
 * group by that column have it set. Rows are told apart by their GROUPING() mask `g`.
 */
export function dashboardQuery(filters: Filters): SqlQuery {
	const where = whereClause(filters);
	const sets = Object.values(AGGREGATES)
		.map((keys) => `(${keys.join(', ')})`)
		.join(', ');
	const cols = GROUP_COLUMNS.join(', ');
	return labelled(
		`SELECT GROUPING(${cols})::INTEGER AS g, ${cols},
	${MEASURES}
	FROM ${FACTS}
	${where.sql}
	GROUP BY GROUPING SETS (${sets})`,
		where.params ?? []
	);
}

/**
 * The page's rows from `agg` (one row per group, GROUPING() mask in `g`):
 * labels joined on, the distinct cited reports counted from the sources rows.
 * Shared by the single pass and by the cube roll-up (./cube.ts).
 */
export function labelled(agg: string, params: readonly Param[]): SqlQuery {
	return {
		sql: `WITH agg AS (
	${agg}
)
SELECT agg.* EXCLUDE (source_ids, admin1),
	coalesce(agg.admin1, p.admin1) AS admin1,
	a.name_ar AS actor_ar,
	t.name_ar AS target_ar,
	p.name_en AS place_en,
	p.name_ar AS place_ar,
	p.latitude,
	p.longitude,
	CASE WHEN g = ${groupingMask('headline')} THEN (
		SELECT count(DISTINCT trim(s))::INTEGER
		FROM agg AS x, unnest(string_split(x.source_ids, ';')) AS u(s)
		WHERE x.g = ${groupingMask('sources')} AND trim(s) <> ''
	) END AS reports
FROM agg
LEFT JOIN (SELECT actor, any_value(name_ar) AS name_ar FROM actors GROUP BY actor) AS a
	ON a.actor = agg.actor
LEFT JOIN (SELECT target, any_value(name_ar) AS name_ar FROM targets GROUP BY target) AS t
	ON t.target = agg.target
LEFT JOIN (SELECT place_id, any_value(name_en) AS name_en, any_value(name_ar) AS name_ar,
		any_value(latitude) AS latitude, any_value(longitude) AS longitude, any_value(admin1) AS admin1
	FROM places GROUP BY place_id) AS p
	ON p.place_id = agg.place
WHERE g <> ${groupingMask('sources')}`,
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
	admin1: string | null;
}

export interface Admin1Row extends Measures {
	admin1: string;
}

export interface DatasetRow extends Measures {
	dataset: string;
}

export interface DashboardData {
	headline: Headline;
	byActor: ActorRow[];
	byTarget: TargetRow[];
	byWeek: WeekRow[];
	byWeekActor: WeekActorRow[];
	byWeapon: WeaponRow[];
	byOutcome: OutcomeRow[];
	byPlace: PlaceRow[];
	byAdmin1: Admin1Row[];
	byDataset: DatasetRow[];
}

type Raw = Record<string, unknown> & { g: number };
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

/** Most first, then by name, so equal counts keep a stable order. */
const byCountThen =
	<T extends Measures>(key: keyof T) =>
	(a: T, b: T): number =>
		b.n - a.n || String(a[key]).localeCompare(String(b[key]));

/** Split the single pass's rows into the page's aggregates, each sorted for display. */
export function splitDashboard(rows: readonly Record<string, unknown>[]): DashboardData {
	const pick = <T>(name: AggregateName): T[] => {
		const mask = groupingMask(name);
		return (rows as Raw[]).filter((r) => r.g === mask) as unknown as T[];
	};
	const byActor = pick<ActorRow>('byActor').sort(byCountThen('actor'));
	const head = pick<Headline>('headline')[0];
	// With no rows matching, GROUP BY () still yields one row: fatalities are NULL then.
	const headline: Headline = head
		? {
				...head,
				fatalities: Number(head.fatalities ?? 0),
				injuries: Number(head.injuries ?? 0),
				reports: head.reports ?? 0,
				actors: byActor.length
			}
		: EMPTY;
	return {
		headline,
		byActor,
		byTarget: pick<TargetRow>('byTarget').sort(byCountThen('target')),
		byWeek: pick<WeekRow>('byWeek').sort(
			(a, b) => a.week.localeCompare(b.week) || a.side.localeCompare(b.side)
		),
		byWeekActor: pick<WeekActorRow>('byWeekActor').sort(
			(a, b) => a.week.localeCompare(b.week) || a.actor.localeCompare(b.actor)
		),
		byWeapon: pick<WeaponRow>('byWeapon').sort(byCountThen('weapon')),
		byOutcome: pick<OutcomeRow>('byOutcome').sort(byCountThen('outcome')),
		byPlace: pick<PlaceRow>('byPlace').sort(byCountThen('place')),
		byAdmin1: pick<Admin1Row>('byAdmin1').sort(byCountThen('admin1')),
		byDataset: pick<DatasetRow>('byDataset').sort(byCountThen('dataset'))
	};
}
