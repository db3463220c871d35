/**
 * Starter queries for the SQL console, written against the codebook
 * (src/lib/schema/tables.ts): actors.side says which camp an actor belongs
 * to, incidents.source_ids lists report ids separated by ';'.
 */
export interface Example {
	name: string;
	sql: string;
}

export const EXAMPLES: readonly Example[] = [
	{
		name: 'Attacks per week by side',
		sql: `-- Incidents per week, by the side of the attacking actor (actor1)
SELECT date_trunc('week', i.event_date)::DATE AS week,
       coalesce(a.side, 'unknown') AS side,
       count(*) AS attacks
FROM incidents AS i
LEFT JOIN actors AS a ON a.actor = i.actor1
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
GROUP BY ALL
ORDER BY attacks DESC
LIMIT 10;`
	},
	{
		name: 'Fatalities by month and actor',
		sql: `SELECT date_trunc('month', event_date)::DATE AS month,
       actor1 AS actor,
       sum(fatalities) AS fatalities,
       sum(injuries) AS injuries,
       count(*) AS incidents
FROM incidents
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
