import { describe, expect, it } from 'vitest';
import type { Connector } from '../../../src/lib/db/connector';
import { Engine, type Database } from '../../../src/lib/db/engine';

/** A database of numbered connections that can die. */
class FakeDb implements Database {
	dead = false;
	opened = 0;
	constructor(readonly id: number) {}
	async connect(): Promise<Connector> {
		if (this.dead) throw new Error('dead');
		const n = ++this.opened;
		return {
			query: async <T>() => [{ db: this.id, conn: n }] as T[],
			exec: async () => {},
			cancel: async () => false
		};
	}
	async terminate(): Promise<void> {
		this.dead = true;
	}
	alive(): boolean {
		return !this.dead;
	}
}

function setup() {
	const dbs: FakeDb[] = [];
	const loads: number[] = [];
	const engine = new Engine<FakeDb, Connector>({
		open: async () => {
			const db = new FakeDb(dbs.length + 1);
			dbs.push(db);
			return db;
		},
		load: async (db) => {
			loads.push(db.id);
		}
	});
	return { engine, dbs, loads };
}

describe('engine', () => {
	it('starts once, loads the tables once, and hands out new connections', async () => {
		const { engine, dbs, loads } = setup();
		const [a, b] = await Promise.all([engine.start(), engine.start()]);
		expect(a).toBe(b);
		await engine.connect();
		expect(dbs).toHaveLength(1);
		expect(loads).toEqual([1]);
		expect(engine.generation).toBe(0);
	});

	it('restart: a new database and generation; sessions reopen on it', async () => {
		const { engine, dbs, loads } = setup();
		const before = await engine.serial('upload', (c) => c.query('SELECT 1'));
		await engine.restart();
		expect(engine.generation).toBe(1);
		expect(dbs[0]!.dead).toBe(true);
		const after = await engine.serial('upload', (c) => c.query('SELECT 1'));
		expect(before).toEqual([{ db: 1, conn: 2 }]);
		expect(after).toEqual([{ db: 2, conn: 2 }]);
		expect(loads).toEqual([1, 2]);
	});

	it('notices a database that died behind its back (a crash) and starts a new one', async () => {
		const { engine, dbs } = setup();
		await engine.session('sql');
		await dbs[0]!.terminate(); // as the test-only hook does
		expect(engine.generation).toBe(1);
		const rows = await engine.serial('sql', (c) => c.query('SELECT 1'));
		expect(rows).toEqual([{ db: 2, conn: 2 }]);
	});

	it('runs one session’s work one after another', async () => {
		const { engine } = setup();
		const order: string[] = [];
		const slow = engine.serial('upload', async () => {
			await new Promise((r) => setTimeout(r, 20));
			order.push('first');
		});
		const fast = engine.serial('upload', async () => {
			order.push('second');
		});
		await Promise.all([slow, fast]);
		expect(order).toEqual(['first', 'second']);
	});
});
