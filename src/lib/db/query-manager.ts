/*
 * DECISION (issue #12): Raqib keeps its own coordinator (this query manager,
 * DashboardState in state/dashboard.svelte.ts, the cube indexes in
 * query/cube.ts) rather than @uwdata/mosaic-core. Measured with
 * `npm run bench -- --only mosaic` (bench/scenarios/mosaic.ts: the same
 * click on `/` and on a vgplot 0.32 page with the same panels and data in
 * the same Chromium; click press → frame after the last DOM change), quick
 * runs at 10k and 100k rows, on 2 shared cores at 1-minute load 10–19:
 *   before: Raqib p50 1,031 ms (p95 1,201), Mosaic 99 (165): 10.4×
 *   after the idle pass indexes once per data version, index answers and
 *   trend results are cached: Raqib 220 (306), Mosaic 129 (181): 1.7×;
 *   a later run at load 18.8: Raqib 490 (847), Mosaic 121 (124): 4.1×;
 *   100k rows, 10 changes each, load 15.6: Raqib 287 (586), Mosaic 236 (462): 1.2×.
 * Targets missed: Raqib / Mosaic ≤ 1.0 at 10k; p95 ≤ 50 ms at 1M and
 * ≤ 100 ms at 10M were NOT measured (no 1M run finished in time; 10M
 * cannot be loaded by Raqib yet).
 * Why not Mosaic: a traced click (bench/lib/trace.ts) shows the DuckDB
 * worker idle on both sides (repeated selections come from result caches),
 * so the gap is not in query coordination but in the page's own drawing:
 * Raqib main thread script 392 ms, layout 193, paint 146, style 77
 * (getBoundingClientRect forced layouts 70) against Mosaic's 59/5/13/4.
 * Swapping coordinators would not touch that cost, while vgplot's highlight
 * with a shared crossfilter selection fails on aggregated panels (DuckDB
 * binder error), and URL state, exclusion, RTL and restart are built here.
 * Next: draw less per click (layout reads, the map's base layer once).
 */
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
