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
