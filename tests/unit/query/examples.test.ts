import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../src/lib/query/examples';
import { splitStatements } from '../../../src/lib/query/statements';
import { shippedConnector } from '../support/node-connector';

describe('starter queries', () => {
	it('each runs against the shipped tables and returns columns', async () => {
		const conn = await shippedConnector();
		for (const example of EXAMPLES) {
			const [statement] = splitStatements(example.sql);
			const described = await conn.query(`DESCRIBE ${statement!.text}`);
			expect(described.length, example.name).toBeGreaterThan(1);
			await expect(conn.query(statement!.text), example.name).resolves.toBeInstanceOf(Array);
		}
	});
});

describe('the attack condition in the examples', () => {
	it('selects exactly the incidents isAttack() accepts', async () => {
		const { ATTACK_CONDITION } = await import('../../../src/lib/query/examples');
		const { isAttack } = await import('../../../src/lib/schema/attack');
		const conn = await shippedConnector();
		const rows = await conn.query<{ event_type: string; sub_event_type: string; hit: boolean }>(
			`SELECT i.event_type, i.sub_event_type, ${ATTACK_CONDITION} AS hit FROM incidents AS i`
		);
		expect(rows.length).toBeGreaterThan(0);
		for (const r of rows) expect(r.hit).toBe(isAttack(r.event_type, r.sub_event_type));
	});
});
