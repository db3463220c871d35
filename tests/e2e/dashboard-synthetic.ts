import { DuckDBInstance } from '@duckdb/node-api';

/**
 * A SYNTHETIC incidents table for scale tests and measurements, never shipped
 * or shown as real: `n` rows drawn deterministically (hash of the row number
 * and a fixed seed) from the real actors, places, reports and vocabularies in
 * data/, so every filter and join of the dashboard has work to do. Written as
 * CSV in the codebook's column order, like an upload.
 */
export async function writeSyntheticIncidents(n: number, file: string, seed = 42): Promise<void> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const pick = (list: string, salt: number) =>
		`${list}[1 + (hash(i, ${seed}, ${salt}) % len(${list}))::INTEGER]`;
	await conn.run(`CREATE TABLE v AS SELECT
		(SELECT list(actor) FROM read_csv('data/actors.csv', header = true, all_varchar = true)) AS actors,
		(SELECT list(place_id) FROM read_csv('data/places.csv', header = true, all_varchar = true)) AS places,
		(SELECT list(target) FROM read_csv('data/targets.csv', header = true, all_varchar = true)) AS targets,
		(SELECT list(report_id) FROM read_csv('data/reports.csv', header = true, all_varchar = true)) AS reports,
		['Explosions/Remote violence', 'Explosions/Remote violence', 'Battles', 'Violence against civilians', 'Strategic developments'] AS types,
		['drone', 'rocket', 'airstrike', 'artillery', 'ground assault', 'helicopter', 'unknown'] AS weapons,
		['hit', 'hit', 'hit', 'intercepted', 'unknown'] AS outcomes,
		['depot', 'base', 'vehicle', 'forces', 'village'] AS target_types`);
	await conn.run(`COPY (
		SELECT 'SYN-' || i AS incident_id,
			DATE '2018-01-01' + (hash(i, ${seed}, 1) % 2190)::INTEGER AS event_date,
			1 AS time_precision,
			NULL AS date_note,
			${pick('types', 2)} AS event_type,
			CASE WHEN ${pick('types', 2)} = 'Strategic developments' THEN 'Other' ELSE 'Air/drone strike' END AS sub_event_type,
			${pick('actors', 3)} AS actor1,
			'stated' AS actor1_certainty,
			NULL AS assoc_actor_1,
			NULL AS actor2,
			${pick('targets', 4)} AS target,
			${pick('target_types', 5)} AS target_type,
			${pick('weapons', 6)} AS weapon,
			${pick('outcomes', 7)} AS outcome,
			${pick('places', 8)} AS place_id,
			(hash(i, ${seed}, 9) % 4)::INTEGER AS fatalities,
			(hash(i, ${seed}, 10) % 5)::INTEGER AS injuries,
			${pick('reports', 11)} AS source_ids,
			'اختبار' AS evidence,
			'SYNTHETIC row ' || i AS notes
		FROM range(${Math.floor(n)}) AS t(i), v
	) TO '${file.replaceAll("'", "''")}' (HEADER, DELIMITER ',')`);
	conn.closeSync();
}
