import { attackPredicate } from './attack';

/** The per-connection table every dashboard query reads (rebuilt when the tables change). */
export const FACTS = 'dash_facts';

/**
 * One row per incident with everything the dashboard filters or groups on,
 * joined and derived once: the actor's side, the ISO week (Monday), the
 * attack flag, place names and coordinates. A TEMP table lives only on the
 * dashboard's own connection, so it never shows up in the SQL console.
 * Built once per data version, it turns every filter change into a single
 * scan of one table without joins. Stored newest first, the order the incident
 * list asks for by default: DuckDB's min/max per row group then lets a
 * LIMIT 50 by date skip most of the table instead of sorting all of it.
 */
export function buildFacts(): string {
	return `CREATE OR REPLACE TEMP TABLE ${FACTS} AS
SELECT
	i.incident_id,
	i.event_date,
	date_trunc('week', i.event_date)::DATE AS week,
	${attackPredicate()} AS is_attack,
	i.event_type,
	i.actor1 AS actor,
	coalesce(a.side, 'unknown') AS side,
	coalesce(nullif(i.target, ''), '(none)') AS target,
	coalesce(nullif(i.target_type, ''), 'unknown') AS target_type,
	coalesce(nullif(i.weapon, ''), 'unknown') AS weapon,
	coalesce(nullif(i.outcome, ''), 'unknown') AS outcome,
	i.place_id AS place,
	coalesce(i.fatalities, 0) AS fatalities,
	coalesce(i.injuries, 0) AS injuries,
	i.source_ids,
	i.notes
FROM incidents AS i
LEFT JOIN (SELECT actor, any_value(side) AS side FROM actors GROUP BY actor) AS a ON a.actor = i.actor1
ORDER BY i.event_date DESC NULLS LAST, i.incident_id DESC`;
}
