import { describe, expect, it } from 'vitest';
import type { Connector, Row, SqlQuery } from '../../../src/lib/db/connector';
import { QueryManager, Superseded } from '../../../src/lib/db/query-manager';

/** A connector whose statements finish only when the test says so; it records what ran and what was cancelled. */
class Gate implements Connector {
	started: string[] = [];
	cancels = 0;
	#pending: { sql: string; resolve: (r: Row[]) => void; reject: (e: unknown) => void }[] = [];

	query<T = Row>(q: SqlQuery | string): Promise<T[]> {
		const sql = typeof q === 'string' ? q : q.sql;
		this.started.push(sql);
		return new Promise<T[]>((resolve, reject) =>
			this.#pending.push({ sql, resolve: resolve as (r: Row[]) => void, reject })
		);
	}
	async exec(sql: string): Promise<void> {
		await this.query(sql);
	}
	async cancel(): Promise<boolean> {
		this.cancels++;
		const p = this.#pending.shift();
		p?.reject(new Error('INTERRUPT'));
		return !!p;
	}
	/** Let the oldest running statement finish with one row naming it. */
	finish(): void {
		const p = this.#pending.shift();
		p?.resolve([{ sql: p.sql }]);
	}
	get waiting(): number {
		return this.#pending.length;
	}
}

/** Wait until `cond` holds (the manager pumps on microtasks and awaited connections). */
async function until(cond: () => boolean): Promise<void> {
	for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setTimeout(r, 0));
	expect(cond()).toBe(true);
}

function setup() {
	const gates: Gate[] = [];
	let generation = 0;
	const q = new QueryManager({
		connect: async () => {
			const g = new Gate();
			gates.push(g);
			return g;
		},
		generation: () => generation
	});
	return { q, gates, restart: () => generation++ };
}

describe('query manager', () => {
	it('latest wins: a newer request of a client cancels the running one', async () => {
		const { q, gates } = setup();
		const first = q.request({ client: 'charts', query: 'SELECT 1' });
		await until(() => gates[0]?.waiting === 1);
		const second = q.request({ client: 'charts', query: 'SELECT 2' });
		await expect(first).rejects.toBeInstanceOf(Superseded);
		expect(gates[0]!.cancels).toBe(1);
		await until(() => gates[0]!.waiting === 1);
		gates[0]!.finish();
		expect(await second).toEqual([{ sql: 'SELECT 2' }]);
	});

	it('drops a queued request of the same client without running it', async () => {
		const { q, gates } = setup();
		const other = q.request({ client: 'list', query: 'SELECT list' });
		await until(() => gates[0]?.waiting === 1);
		const a = q.request({ client: 'charts', query: 'SELECT a' });
		const b = q.request({ client: 'charts', query: 'SELECT b' });
		await expect(a).rejects.toBeInstanceOf(Superseded);
		gates[0]!.finish();
		await other;
		await until(() => gates[0]!.waiting === 1);
		gates[0]!.finish();
		expect(await b).toEqual([{ sql: 'SELECT b' }]);
		expect(gates[0]!.started).toEqual(['SELECT list', 'SELECT b']);
	});

	it('cancel() stops a client’s running statement', async () => {
		const { q, gates } = setup();
		const run = q.request({ client: 'index:actor', query: 'CREATE x', priority: 'low' });
		await until(() => gates[0]?.waiting === 1);
		q.cancel('index:actor');
		await expect(run).rejects.toBeInstanceOf(Superseded);
		expect(gates[0]!.cancels).toBe(1);
	});

	it('runs high priority before queued low priority', async () => {
		const { q, gates } = setup();
		const busy = q.request({ client: 'a', query: 'SELECT busy' });
		await until(() => gates[0]?.waiting === 1);
		const low = q.request({ client: 'list', query: 'SELECT low', priority: 'low' });
		const high = q.request({ client: 'charts', query: 'SELECT high', priority: 'high' });
		for (let i = 0; i < 3; i++) {
			await until(() => gates[0]!.waiting === 1);
			gates[0]!.finish();
		}
		await Promise.all([busy, low, high]);
		expect(gates[0]!.started).toEqual(['SELECT busy', 'SELECT high', 'SELECT low']);
	});

	it('answers a repeated cached request without sending it, until invalidated', async () => {
		const { q, gates } = setup();
		const once = q.request({ client: 'c', query: { sql: 'SELECT ?', params: [1] }, cache: true });
		await until(() => gates[0]?.waiting === 1);
		gates[0]!.finish();
		const rows = await once;
		expect(
			await q.request({ client: 'c', query: { sql: 'SELECT ?', params: [1] }, cache: true })
		).toBe(rows);
		expect(q.sent).toBe(1);
		// Other parameters are another query.
		const other = q.request({ client: 'c', query: { sql: 'SELECT ?', params: [2] }, cache: true });
		await until(() => gates[0]!.waiting === 1);
		gates[0]!.finish();
		await other;
		q.invalidate();
		const again = q.request({ client: 'c', query: { sql: 'SELECT ?', params: [1] }, cache: true });
		await until(() => gates[0]!.waiting === 1);
		gates[0]!.finish();
		await again;
		expect(q.sent).toBe(3);
	});

	it('after an engine restart (new generation) reconnects and forgets its cache', async () => {
		const { q, gates, restart } = setup();
		const one = q.request({ client: 'c', query: 'SELECT 1', cache: true });
		await until(() => gates[0]?.waiting === 1);
		gates[0]!.finish();
		await one;
		restart();
		const two = q.request({ client: 'c', query: 'SELECT 1', cache: true });
		await until(() => gates[1]?.waiting === 1);
		gates[1]!.finish();
		await two;
		expect(gates).toHaveLength(2);
		expect(q.sent).toBe(2);
	});
});
