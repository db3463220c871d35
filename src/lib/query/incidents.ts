import { FACTS } from './facts';
import { whereClause, type Filters } from './filters';
import type { SqlQuery } from './types';

/** Columns the incident list can be sorted by (a fixed list: never user text in ORDER BY). */
export const SORTS = ['event_date', 'actor', 'target', 'fatalities'] as const;
export type SortColumn = (typeof SORTS)[number];

export interface ListOptions {
	sort: SortColumn;
	desc: boolean;
	limit: number;
	offset: number;
}

export interface IncidentRow {
	incident_id: string;
	event_date: string;
	event_type: string;
	actor: string;
	side: string;
	target: string;
	weapon: string;
	outcome: string;
	place: string;
	/** The place's English name from places (its id when the place is not in the gazetteer). */
	place_name: string;
	/** Arabic names from the companion tables (null where none is recorded). */
	actor_ar: string | null;
	target_ar: string | null;
	place_ar: string | null;
	fatalities: number;
	injuries: number;
}

/** One page of the filtered incidents. Ties break on incident_id so pages never overlap. */
export function incidentPage(filters: Filters, o: ListOptions): SqlQuery {
	const where = whereClause(filters);
	const sort: SortColumn = SORTS.includes(o.sort) ? o.sort : 'event_date';
	const dir = o.desc ? 'DESC' : 'ASC';
	return {
		// Names are joined onto the one page only, not onto the filtered set.
		sql: `SELECT f.*, coalesce(p.name_en, f.place) AS place_name, p.name_ar AS place_ar,
	(SELECT any_value(a.name_ar) FROM actors AS a WHERE a.actor = f.actor) AS actor_ar,
	(SELECT any_value(t.name_ar) FROM targets AS t WHERE t.target = f.target) AS target_ar
FROM (
	SELECT incident_id, event_date, event_type, actor, side, target, weapon, outcome, place, fatalities, injuries
	FROM ${FACTS}
	${where.sql}
	ORDER BY "${sort}" ${dir} NULLS LAST, incident_id ${dir}
	LIMIT ? OFFSET ?
) AS f
LEFT JOIN places AS p ON p.place_id = f.place
ORDER BY f."${sort}" ${dir} NULLS LAST, f.incident_id ${dir}`,
		params: [
			...(where.params ?? []),
			Math.max(1, Math.floor(o.limit)),
			Math.max(0, Math.floor(o.offset))
		]
	};
}

export interface CitedReport {
	report_id: string;
	outlet: string | null;
	outlet_ar: string | null;
	published: string | null;
}

export interface IncidentDetail {
	incident_id: string;
	time_precision: number;
	date_note: string | null;
	evidence: string | null;
	notes: string | null;
	actor1_certainty: string | null;
	assoc_actor_1: string | null;
	actor2: string | null;
	target_type: string | null;
	place_id: string;
	name_en: string | null;
	name_ar: string | null;
	latitude: number | null;
	longitude: number | null;
	reports: CitedReport[];
}

/** Everything the expanded row shows: notes, Arabic evidence, place and the cited reports, in citation order. */
export function incidentDetail(incidentId: string): SqlQuery {
	return {
		sql: `SELECT i.incident_id, i.time_precision, i.date_note, i.evidence, i.notes,
	i.actor1_certainty, i.assoc_actor_1, i.actor2, i.target_type, i.place_id,
	p.name_en, p.name_ar, p.latitude, p.longitude,
	coalesce((
		SELECT list({'report_id': s.id, 'outlet': r.outlet, 'outlet_ar': r.outlet_ar, 'published': r.published} ORDER BY s.pos)
		FROM (SELECT trim(unnest(string_split(i.source_ids, ';'))) AS id,
			generate_subscripts(string_split(i.source_ids, ';'), 1) AS pos) AS s
		LEFT JOIN reports AS r ON r.report_id = s.id
		WHERE s.id <> ''
	), []) AS reports
FROM incidents AS i
LEFT JOIN places AS p ON p.place_id = i.place_id
WHERE i.incident_id = ?
LIMIT 1`,
		params: [incidentId]
	};
}
