import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { FactsSession } from '../../../src/lib/state/facts-session';
import { shippedConnector } from '../support/node-connector';

describe('FactsSession against Node DuckDB', () => {
	it('reconnects and rebuilds its facts after the engine generation moved, not before', async () => {
		let generation = 0;
		const opened: Connector[] = [];
		const session = new FactsSession(
			async () => {
				const c = await shippedConnector();
				opened.push(c);
				return c;
			},
			() => generation
		);
		const count = (c: Connector) =>
			c.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM dash_facts');
		const [first] = await session.run(1, count);
		await session.run(1, count);
		expect(opened).toHaveLength(1);
		generation = 1;
		// Same data version, new engine: the old connection (and its TEMP facts) is gone.
		const [again] = await session.run(1, count);
		expect(opened).toHaveLength(2);
		expect(again).toEqual(first);
	});
});
