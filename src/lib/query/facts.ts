import { attackPredicate } from './attack';
import { quoteLiteral } from './sql';

/** What a Raqib-only field shows on a row imported from elsewhere: never invented, "not coded". */
export const NOT_CODED = '(not coded)';
/** What admin1 shows when neither the row nor its place names a governorate. */
export const NO_ADMIN1 = '(none)';

/** The per-connection table every dashboard query reads (rebuilt when the tables change). */
export const FACTS = 'dash_facts';

/**
 * One row per incident with everything the dashboard filters or groups on,
 * joined and derived once: the actor's side, the ISO week (Monday), the
 * attack flag, the dataset, the governorate (the row's own admin1, else its
 * place's). Every incident is in it, whatever its origin: a row imported from
 * an ACLED export has NULL in Raqib's coding extensions (actor1_certainty,
 * target, weapon, outcome…), shown as NOT_CODED rather than guessed. A TEMP table lives only on the
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
	${coded(`coalesce(nullif(i.target, ''), '(none)')`)} AS target,
	${coded(`coalesce(nullif(i.target_type, ''), 'unknown')`)} AS target_type,
	${coded(`coalesce(nullif(i.weapon, ''), 'unknown')`)} AS weapon,
	${coded(`coalesce(nullif(i.outcome, ''), 'unknown')`)} AS outcome,
	i.place_id AS place,
	coalesce(nullif(i.admin1, ''), nullif(p.admin1, ''), ${quoteLiteral(NO_ADMIN1)}) AS admin1,
	coalesce(i.dataset, '') AS dataset,
	coalesce(i.fatalities, 0) AS fatalities,
	coalesce(i.injuries, 0) AS injuries,
	i.source_ids,
	i.notes
FROM incidents AS i
LEFT JOIN (SELECT actor, any_value(side) AS side FROM actors GROUP BY actor) AS a ON a.actor = i.actor1
LEFT JOIN (SELECT place_id, any_value(admin1) AS admin1 FROM places GROUP BY place_id) AS p
	ON p.place_id = i.place_id
ORDER BY i.event_date DESC NULLS LAST, i.incident_id DESC`;
}

/** A Raqib-only field: its coded value, or NOT_CODED on a row no one coded (outcome is required of every coded row). */
function coded(value: string): string {
	return `CASE WHEN i.outcome IS NULL THEN ${quoteLiteral(NOT_CODED)} ELSE ${value} END`;
}
