import { ATTACK_EVENT_TYPES, ATTACK_SUB_EVENT_TYPES } from '$lib/schema/attack';
import { quoteLiteral } from './sql';

/**
 * Starter queries for the SQL console, written against the codebook
 * (data/README.md): actors.side says which camp an actor belongs to,
 * incidents.source_ids lists report ids separated by ';'. "Attack" is THE
 * attack rule of $lib/schema/attack, spelled out in SQL so users can read it.
 */
const list = (values: readonly string[]) => values.map(quoteLiteral).join(', ');
export const ATTACK_CONDITION = `(i.event_type IN (${list(ATTACK_EVENT_TYPES)})
       OR i.sub_event_type IN (${list(ATTACK_SUB_EVENT_TYPES)}))`;

export interface Example {
	name: string;
	sql: string;
}

export const EXAMPLES: readonly Example[] = [
	{
		name: 'Attacks per week by side',
		sql: `-- Attacks per week (weeks start on Monday), by the side of the attacker (actor1)
SELECT date_trunc('week', i.event_date)::DATE AS week,
       coalesce(a.side, 'unknown') AS side,
       count(*) AS attacks
FROM incidents AS i
LEFT JOIN actors AS a ON a.actor = i.actor1
WHERE ${ATTACK_CONDITION}
GROUP BY ALL
ORDER BY week, side;`
	},
	{
		name: 'Top targets of Iran-aligned attacks',
		sql: `-- What Iran-aligned actors attacked most often
SELECT coalesce(i.target, '(not named)') AS target,
       any_value(t.name_ar) AS target_ar,
       count(*) AS attacks
FROM incidents AS i
JOIN actors AS a ON a.actor = i.actor1
LEFT JOIN targets AS t ON t.target = i.target
WHERE a.side = 'Iran-aligned'
  AND ${ATTACK_CONDITION}
GROUP BY ALL
ORDER BY attacks DESC
LIMIT 10;`
	},
	{
		name: 'Fatalities by month and actor',
		sql: `SELECT date_trunc('month', i.event_date)::DATE AS month,
       i.actor1 AS actor,
       sum(i.fatalities) AS fatalities,
       sum(i.injuries) AS injuries,
       count(*) AS incidents
FROM incidents AS i
GROUP BY ALL
ORDER BY month, fatalities DESC;`
	},
	{
		name: 'Incidents per source report',
		sql: `-- source_ids holds report ids separated by ';'
WITH cited AS (
  SELECT incident_id, trim(unnest(string_split(source_ids, ';'))) AS report_id
  FROM incidents
)
SELECT r.report_id, r.outlet, r.outlet_ar, r.published,
       count(c.incident_id) AS incidents
FROM reports AS r
LEFT JOIN cited AS c USING (report_id)
GROUP BY ALL
ORDER BY incidents DESC, r.published;`
	},
	{
		name: 'Incidents by place, with Arabic names',
		sql: `SELECT p.name_en, p.name_ar, p.bank, count(*) AS incidents, sum(i.fatalities) AS fatalities
FROM incidents AS i
JOIN places AS p USING (place_id)
GROUP BY ALL
ORDER BY incidents DESC;`
	}
];
