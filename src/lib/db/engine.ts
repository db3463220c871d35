import type { Connector } from './connector';

/** A started database: opens connections, and can be thrown away. */
export interface Database<C extends Connector = Connector> {
	connect(): Promise<C>;
	terminate(): Promise<void>;
	/** False once the database died (its worker crashed or was killed): nothing it holds works any more. */
	alive(): boolean;
}

export type BootStep = 'download' | 'start' | 'tables' | 'ready';
export interface BootProgress {
	step: BootStep;
	/** Bytes of the engine's .wasm received so far, and in total when known. */
	loaded?: number;
	total?: number;
}

/** How to start a database and fill it with the app's tables (the browser's and the tests' differ). */
export interface EngineDriver<D extends Database<C>, C extends Connector> {
	open(onProgress?: (p: BootProgress) => void): Promise<D>;
	/** Load the tables into a freshly opened database through its main connection. */
	load(db: D, main: C): Promise<void>;
}

/**
 * The one owner of the database: it starts it once, hands out connections,
 * restarts it after a crash, and counts restarts in `generation`. Every
 * connection it hands out belongs to one generation; consumers that cache a
 * connection (the dashboard's query manager, the SQL console, the upload
 * session) compare generations and reconnect after a restart instead of
 * talking to a terminated worker. Per-consumer connections with a serial
 * queue (`serial`) replace the hand-written queues of each consumer.
 */
export class Engine<
	D extends Database<C>,
	C extends Connector,
	V extends EngineDriver<D, C> = EngineDriver<D, C>
> {
	#driver: V;
	#db: Promise<D> | null = null;
	/** The started database once its promise resolved (for the synchronous liveness check). */
	#started: D | null = null;
	#main: Promise<C> | null = null;
	#generation = 0;
	#sessions = new Map<string, { generation: number; conn: Promise<C>; queue: Promise<unknown> }>();

	constructor(driver: V) {
		this.#driver = driver;
	}

	/** How this engine starts and fills a database (and what that left behind, such as replay problems). */
	get driver(): V {
		return this.#driver;
	}

	/**
	 * Bumped by every restart (and terminate). Connections of an older
	 * generation are dead. Reading it notices a database that died on its own
	 * and forgets it, so the next connection starts a new one.
	 */
	get generation(): number {
		this.#checkAlive();
		return this.#generation;
	}

	#checkAlive(): void {
		if (this.#started && !this.#started.alive()) {
			this.#started = null;
			this.#db = null;
			this.#main = null;
			this.#sessions.clear();
			this.#generation++;
		}
	}

	/** The started database (started once; a failed start is retried by the next call). */
	database(onProgress?: (p: BootProgress) => void): Promise<D> {
		this.#checkAlive();
		this.#db ??= this.#driver.open(onProgress).then(
			(db) => (this.#started = db),
			(error: unknown) => {
				this.#db = null;
				throw error;
			}
		);
		return this.#db;
	}

	/** The main connection, with the tables loaded (once per generation). */
	start(onProgress?: (p: BootProgress) => void): Promise<C> {
		this.#checkAlive();
		this.#main ??= (async () => {
			const db = await this.database(onProgress);
			const main = await db.connect();
			onProgress?.({ step: 'tables' });
			await this.#driver.load(db, main);
			onProgress?.({ step: 'ready' });
			return main;
		})().catch((error: unknown) => {
			this.#main = null;
			throw error;
		});
		return this.#main;
	}

	/** A new connection of the current generation, after the tables are loaded. */
	async connect(): Promise<C> {
		await this.start();
		return (await this.database()).connect();
	}

	/** Throw the database away (after a crash, or from the test-only hook) without starting a new one. */
	async terminate(): Promise<void> {
		const current = this.#db;
		this.#db = null;
		this.#started = null;
		this.#main = null;
		this.#sessions.clear();
		this.#generation++;
		if (current) await (await current.catch(() => null))?.terminate();
	}

	/** Terminate and start again with the same tables; resolves with the new main connection. */
	async restart(onProgress?: (p: BootProgress) => void): Promise<C> {
		await this.terminate();
		return this.start(onProgress);
	}

	/**
	 * The named consumer's own connection (opened on first use, reopened after a
	 * restart), so one consumer's cancel never touches another's statement.
	 */
	session(name: string): Promise<C> {
		return this.#session(name).conn;
	}

	/**
	 * Run `work` on the named consumer's connection after the work queued
	 * before it: a connection streams one result at a time, so statements of
	 * one consumer never interleave (nor their transactions).
	 */
	serial<T>(name: string, work: (conn: C) => Promise<T>): Promise<T> {
		const s = this.#session(name);
		const run = s.queue.then(async () => work(await s.conn));
		s.queue = run.catch(() => {});
		return run;
	}

	#session(name: string) {
		this.#checkAlive();
		const cur = this.#sessions.get(name);
		if (cur && cur.generation === this.#generation) return cur;
		const generation = this.#generation;
		const conn = this.connect();
		const s = { generation, conn, queue: Promise.resolve() as Promise<unknown> };
		// A failed open is forgotten so the next call tries again.
		conn.catch(() => {
			if (this.#sessions.get(name) === s) this.#sessions.delete(name);
		});
		this.#sessions.set(name, s);
		return s;
	}
}
