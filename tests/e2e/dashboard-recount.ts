import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll } from 'vitest';
import { ATTACK_EVENT_TYPES, ATTACK_SUB_EVENT_TYPES } from '../../src/lib/schema/attack';

/**
 * The dashboard's expected numbers, recounted with native DuckDB straight from
 * data/*.csv: its own SQL, written here, sharing nothing with src/lib/query but
 * the codebook's attack rule.
 */
export interface Recount {
	headline(where: string): Promise<Record<string, string>>;
	counts(key: string, where: string): Promise<Record<string, number>>;
	first(sql: string): Promise<Record<string, unknown> | undefined>;
	close(): void;
}

const list = (xs: readonly string[]) => xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(', ');

export async function recount(): Promise<Recount> {
	const db = await DuckDBInstance.create(':memory:');
	const conn: DuckDBConnection = await db.connect();
	await conn.run(`CREATE TABLE f AS
		SELECT i.*, CAST(i.event_date AS DATE) AS day,
			strftime(date_trunc('week', CAST(i.event_date AS DATE)), '%Y-%m-%d') AS week,
			coalesce(a.side, 'unknown') AS side,
			coalesce(i.target, '(none)') AS target_label,
			coalesce(i.target_type, 'unknown') AS target_type_label,
			(i.event_type IN (${list(ATTACK_EVENT_TYPES)}) OR i.sub_event_type IN (${list(ATTACK_SUB_EVENT_TYPES)})) AS attack
		FROM read_csv('data/incidents.csv', header = true, all_varchar = true) AS i
		LEFT JOIN read_csv('data/actors.csv', header = true, all_varchar = true) AS a ON a.actor = i.actor1`);
	const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson();
	return {
		async headline(where) {
			const [r] = await rows(`SELECT
				count(*) FILTER (WHERE attack)::VARCHAR AS "Attacks",
				sum(CAST(fatalities AS INTEGER))::VARCHAR AS "Fatalities",
				sum(CAST(injuries AS INTEGER))::VARCHAR AS "Injuries",
				count(DISTINCT actor1)::VARCHAR AS "Actors",
				(SELECT count(DISTINCT trim(s)) FROM f, unnest(string_split(source_ids, ';')) AS u(s) WHERE ${where})::VARCHAR AS "Reports",
				strftime(min(day), '%Y-%m-%d') || ' – ' || strftime(max(day), '%Y-%m-%d') AS "Date range"
				FROM f WHERE ${where}`);
			return r as Record<string, string>;
		},
		async counts(key, where) {
			const out: Record<string, number> = {};
			for (const r of await rows(
				`SELECT ${key} AS k, count(*)::INTEGER AS n FROM f WHERE ${where} GROUP BY ALL`
			))
				out[String(r.k)] = Number(r.n);
			return out;
		},
		async first(sql) {
			return (await rows(sql))[0] as Record<string, unknown> | undefined;
		},
		close() {
			conn.closeSync();
		}
	};
}

/**
 * A recount for every test of the calling file: opened before the first test,
 * closed after the last. Call at the top of a test file.
 */
export function recountPerFile(): Omit<Recount, 'close'> {
	let rc: Recount | undefined;
	beforeAll(async () => {
		rc = await recount();
	});
	afterAll(() => rc?.close());
	return {
		headline: (where) => rc!.headline(where),
		counts: (key, where) => rc!.counts(key, where),
		first: (sql) => rc!.first(sql)
	};
}
