import { describe, expect, it } from 'vitest';
import { AGGREGATE_SQL, checksum } from '../../../bench/lib/aggregates';
import { readCompanions } from '../../../bench/lib/companions';
import { quantile } from '../../../bench/lib/stats';
import { syntheticTableSql } from '../../../bench/lib/synth-sql';
import { isAttack } from '../../../src/lib/schema/attack';
import { isSubEventOf } from '../../../src/lib/schema/vocab';
import { NodeConnector } from '../support/node-connector';

describe('synthetic incidents generated in SQL (for 10M rows)', () => {
	it('builds the same shape of table inside DuckDB, deterministically', async () => {
		const conn = await NodeConnector.open();
		const sql = syntheticTableSql('incidents', 20_000, 11, readCompanions());
		await conn.exec(sql);
		const first = await conn.query(AGGREGATE_SQL.by_actor);
		await conn.exec(sql);
		expect(await conn.query(AGGREGATE_SQL.by_actor)).toEqual(first);

		const kinds = await conn.query<{ event_type: string; sub_event_type: string; n: number }>(
			'SELECT event_type, sub_event_type, count(*)::INTEGER AS n FROM incidents GROUP BY ALL'
		);
		for (const k of kinds) expect(isSubEventOf(k.event_type, k.sub_event_type)).toBe(true);
		const attacks = kinds.filter((k) => isAttack(k.event_type, k.sub_event_type));
		const total = attacks.reduce((a, k) => a + k.n, 0);
		// The attack rule in the aggregates' SQL counts exactly what the app's isAttack() counts.
		expect(checksum(first as { n: number }[]).total).toBe(total);
		const [span] = await conn.query<{ nulls: number; latest: string }>(
			'SELECT count(*) FILTER (WHERE event_date IS NULL OR actor1 IS NULL)::INTEGER AS nulls, max(event_date) AS latest FROM incidents'
		);
		expect(span!.nulls).toBe(0);
		const published = readCompanions()
			.reports.map((r) => r.published)
			.sort();
		expect(span!.latest <= published.at(-1)!).toBe(true);
	});
});

describe('quantile', () => {
	it('interpolates between order statistics', () => {
		expect(quantile([3, 1, 2], 0.5)).toBe(2);
		expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
		expect(quantile([0, 10], 0.95)).toBeCloseTo(9.5);
		expect(quantile([], 0.5)).toBeNaN();
	});
});
