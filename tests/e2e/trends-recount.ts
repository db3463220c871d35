import { DuckDBInstance } from '@duckdb/node-api';
import { ATTACK_EVENT_TYPES, ATTACK_SUB_EVENT_TYPES } from '../../src/lib/schema/attack';

/**
 * The "What changed" figures recounted with native DuckDB straight from
 * data/*.csv: windows and counts in SQL written here, sharing nothing with
 * src/lib/query but the codebook's attack rule. Keys: "dim|key" → [now, base, year].
 */
export interface TrendRecount {
	/** The reference week's Monday: the latest complete ISO week at or before the newest attack. */
	latestWeek: string;
	counts(monday: string, weeks: number): Promise<Record<string, [number, number, number]>>;
	/** Attacks from `from` to `to` whose actor or place has no attack before `from`. */
	newIn(from: string, to: string): Promise<number>;
	close(): void;
}

const list = (xs: readonly string[]) => xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(', ');

export async function trendRecount(): Promise<TrendRecount> {
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	await conn.run(`CREATE TABLE a AS
		SELECT CAST(i.event_date AS DATE) AS day, i.actor1 AS actor,
			coalesce(i.target, '(none)') AS target, i.place_id AS place, p.admin1,
			coalesce(i.weapon, 'unknown') AS weapon
		FROM read_csv('data/incidents.csv', header = true, all_varchar = true) AS i
		LEFT JOIN read_csv('data/places.csv', header = true, all_varchar = true) AS p ON p.place_id = i.place_id
		WHERE i.event_type IN (${list(ATTACK_EVENT_TYPES)}) OR i.sub_event_type IN (${list(ATTACK_SUB_EVENT_TYPES)})`);
	const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson();
	// isodow: Monday 1 … Sunday 7. A week is complete when the newest day is its Sunday.
	const [latest] =
		await rows(`SELECT strftime(CASE WHEN isodow(max(day)) = 7 THEN date_trunc('week', max(day))
		ELSE date_trunc('week', max(day)) - INTERVAL 7 DAY END, '%Y-%m-%d') AS m FROM a`);
	return {
		latestWeek: String(latest!.m),
		async counts(monday, weeks) {
			const m = `DATE '${monday}'`;
			const out: Record<string, [number, number, number]> = {};
			for (const dim of ['actor', 'target', 'place', 'admin1', 'weapon']) {
				const got = await rows(`SELECT ${dim} AS key,
					count(*) FILTER (WHERE day >= ${m} AND day < ${m} + INTERVAL 7 DAY)::INTEGER AS now,
					count(*) FILTER (WHERE day >= ${m} - INTERVAL ${7 * weeks} DAY AND day < ${m})::INTEGER AS base,
					count(*) FILTER (WHERE day >= ${m} - INTERVAL 364 DAY AND day < ${m})::INTEGER AS year
					FROM a GROUP BY 1`);
				for (const r of got)
					if (Number(r.now) > 0 || Number(r.base) > 0)
						out[`${dim}|${r.key ?? ''}`] = [Number(r.now), Number(r.base), Number(r.year)];
			}
			return out;
		},
		async newIn(from, to) {
			const [r] = await rows(`SELECT count(*)::INTEGER AS n FROM a AS x
				WHERE day BETWEEN DATE '${from}' AND DATE '${to}'
				AND (NOT EXISTS (SELECT 1 FROM a AS y WHERE y.actor = x.actor AND y.day < DATE '${from}')
					OR NOT EXISTS (SELECT 1 FROM a AS y WHERE y.place = x.place AND y.day < DATE '${from}'))`);
			return Number(r!.n);
		},
		close: () => conn.closeSync()
	};
}
