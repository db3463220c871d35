import type { Connector, Row, SqlQuery } from './connector';

/** 'high' runs before any queued 'low' (charts before the incident list and index builds). */
export type Priority = 'high' | 'low';

/** Rejects a request that a newer request of the same client replaced, or that was cancelled. */
export class Superseded extends Error {
	constructor() {
		super('superseded');
		this.name = 'Superseded';
	}
}

export interface Request {
	/** Who asks: a newer request of the same client supersedes an older one (latest wins). */
	client: string;
	query: SqlQuery | string;
	priority?: Priority;
	/** Keep the rows for an identical later request (until the data or the engine changes). */
	cache?: boolean;
	/**
	 * What else the answer depends on beyond its SQL and parameters, for the
	 * cache: e.g. which build of a table that is rebuilt under the same name it reads.
	 */
	key?: string;
	/** Run a string of statements for their effect (DDL): no rows, never cached. */
	exec?: boolean;
}

interface Job {
	req: Request;
	key: string;
	resolve: (rows: Row[]) => void;
	reject: (e: unknown) => void;
	cancelled: boolean;
}

/** The connection, and the engine generation it belongs to. */
export interface ConnectionSource {
	connect(): Promise<Connector>;
	/** Changes when the engine restarts: the manager then reconnects and forgets its cache. */
	generation(): number;
}

const keyOf = (q: SqlQuery | string, extra = '') =>
	(typeof q === 'string' ? q : `${q.sql}\u0000${JSON.stringify(q.params ?? [])}`) +
	`\u0000${extra}`;

/**
 * One query manager for a connection (Mosaic's QueryManager in spirit):
 * - one statement at a time on the connection, 'high' priority first;
 * - latest wins per client: a client's newer request cancels its running
 *   statement and drops its queued one, which reject with Superseded;
 * - an LRU cache of results by SQL text and parameters, cleared by
 *   `invalidate()` (data changed) and by an engine restart;
 * - after a restart (a new generation) the next statement opens a new connection.
 */
export class QueryManager {
	#source: ConnectionSource;
	#conn: { generation: number; conn: Promise<Connector> } | null = null;
	#queue: Job[] = [];
	#running: Job | null = null;
	#cache = new Map<string, Row[]>();
	#cacheSize: number;
	#cacheGeneration = -1;
	/** Statements sent to the connection (for tests and the bench: cache hits do not count). */
	sent = 0;

	constructor(source: ConnectionSource, options: { cacheSize?: number } = {}) {
		this.#source = source;
		this.#cacheSize = options.cacheSize ?? 64;
	}

	/** Run a request (see Request). Rejects with Superseded when a newer one of its client replaced it. */
	request<T = Row>(req: Request): Promise<T[]> {
		this.#checkGeneration();
		const key = keyOf(req.query, req.key);
		this.#supersede(req.client);
		const hit = req.cache && !req.exec ? this.#cache.get(key) : undefined;
		if (hit) {
			// Refresh its place in the LRU order.
			this.#cache.delete(key);
			this.#cache.set(key, hit);
			return Promise.resolve(hit as T[]);
		}
		return new Promise<T[]>((resolve, reject) => {
			const job: Job = { req, key, resolve: resolve as Job['resolve'], reject, cancelled: false };
			// High priority goes ahead of every queued low one, behind earlier high ones.
			const at =
				req.priority === 'low'
					? this.#queue.length
					: this.#queue.findIndex((j) => j.req.priority === 'low');
			this.#queue.splice(at < 0 ? this.#queue.length : at, 0, job);
			void this.#pump();
		});
	}

	/** Cancel a client's queued and running requests (they reject with Superseded). */
	cancel(client: string): void {
		this.#supersede(client);
	}

	/** Forget cached results (the tables changed). */
	invalidate(): void {
		this.#cache.clear();
	}

	#checkGeneration(): void {
		const g = this.#source.generation();
		if (g === this.#cacheGeneration) return;
		this.#cacheGeneration = g;
		this.#cache.clear();
	}

	#supersede(client: string): void {
		for (const job of this.#queue.filter((j) => j.req.client === client)) {
			job.cancelled = true;
			job.reject(new Superseded());
		}
		this.#queue = this.#queue.filter((j) => !j.cancelled);
		const running = this.#running;
		if (running && running.req.client === client && !running.cancelled) {
			running.cancelled = true;
			running.reject(new Superseded());
			void this.#connection()
				.then((c) => c.cancel())
				.catch(() => {});
		}
	}

	#connection(): Promise<Connector> {
		const g = this.#source.generation();
		if (!this.#conn || this.#conn.generation !== g) {
			const conn = this.#source.connect();
			const entry = { generation: g, conn };
			conn.catch(() => {
				if (this.#conn === entry) this.#conn = null;
			});
			this.#conn = entry;
		}
		return this.#conn.conn;
	}

	async #pump(): Promise<void> {
		if (this.#running) return;
		const job = this.#queue.shift();
		if (!job) return;
		this.#running = job;
		try {
			const conn = await this.#connection();
			if (job.cancelled) return;
			const generation = this.#source.generation();
			this.sent++;
			let rows: Row[] = [];
			if (job.req.exec && typeof job.req.query === 'string') await conn.exec(job.req.query);
			else rows = await conn.query(job.req.query);
			if (job.cancelled) return;
			if (job.req.cache && !job.req.exec && generation === this.#cacheGeneration) {
				this.#cache.set(job.key, rows);
				while (this.#cache.size > this.#cacheSize)
					this.#cache.delete(this.#cache.keys().next().value!);
			}
			job.resolve(rows);
		} catch (e) {
			if (!job.cancelled) job.reject(e);
		} finally {
			this.#running = null;
			void this.#pump();
		}
	}
}
