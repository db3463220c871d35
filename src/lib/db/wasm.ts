import * as duckdb from '@duckdb/duckdb-wasm';
import { Table, type RecordBatch } from 'apache-arrow';
import { BUNDLES } from './bundles';
import { toQuery, type Connector, type SqlQuery } from './connector';
import type { BootProgress, Database } from './engine';
import { lockDown } from './lockdown';
import { tableToRows } from './values';
import { quoteIdent } from '$lib/query/sql';

export type { BootProgress, BootStep } from './engine';

/** Reasons the engine cannot start at all in this browser, in plain words for the user. */
export function missingCapability(): string | null {
	if (typeof WebAssembly !== 'object') return 'webassembly';
	if (typeof Worker !== 'function') return 'worker';
	return null;
}

/**
 * A started DuckDB-WASM: its worker and database. Connections are WasmConnectors.
 * Owned by the Engine (./engine.ts), which starts, counts and restarts it.
 */
export class WasmDatabase implements Database<WasmConnector> {
	readonly db: duckdb.AsyncDuckDB;
	#alive = true;
	#stop: (e: Error) => void = () => {};
	/** Rejects when the database is terminated: statements still waiting for the worker fail with it. */
	readonly stopped: Promise<never>;
	constructor(db: duckdb.AsyncDuckDB) {
		this.db = db;
		this.stopped = new Promise<never>((_, reject) => (this.#stop = reject));
		this.stopped.catch(() => {});
	}
	connect(): Promise<WasmConnector> {
		return WasmConnector.open(this);
	}
	alive(): boolean {
		return this.#alive;
	}
	/** Stops the worker: every connection of this database fails from then on. */
	async terminate(): Promise<void> {
		this.#alive = false;
		this.#stop(new EngineStopped());
		await this.db.terminate();
	}
}

/** For clean-up calls (close, cancel): a database that died meanwhile has nothing left to clean. */
function ignoreStopped(error: unknown): void {
	if (!(error instanceof EngineStopped)) throw error;
}

/** Thrown by a connector whose database died: engineFailure() classes it as 'crashed'. */
export class EngineStopped extends Error {
	constructor() {
		super('RuntimeError: the database engine stopped; it restarts with the next query');
		this.name = 'RuntimeError';
	}
}

/** Start DuckDB-WASM in a new worker, reporting the download of its module. */
export async function openWasm(onProgress?: (p: BootProgress) => void): Promise<WasmDatabase> {
	const missing = missingCapability();
	if (missing) throw new Error(missing);
	// Marks for `npm run bench`'s start-up breakdown (bench/scenarios/start.ts); nothing reads them here.
	performance.mark('raqib:engine-start');
	const bundle = await duckdb.selectBundle(BUNDLES);
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	onProgress?.({ step: 'download' });
	// duckdb-wasm's total is the response's Content-Length, which is the size of the
	// compressed body when the server sends the .wasm as brotli or gzip (see
	// scripts/compress.js), while `loaded` counts the decoded bytes: a total would
	// mislead, so only the bytes received are reported.
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) =>
		onProgress?.({ step: 'download', loaded: p.bytesLoaded })
	);
	performance.mark('raqib:engine-instantiated');
	onProgress?.({ step: 'start' });
	await db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: false } });
	await lockDown(db);
	performance.mark('raqib:engine-open');
	return new WasmDatabase(db);
}

/** Thrown by a query that was cancelled with `cancel()`. */
export class QueryCancelled extends Error {
	constructor() {
		super('cancelled');
		this.name = 'QueryCancelled';
	}
}

/**
 * Called with each Arrow batch as it arrives and the rows received so far.
 * Returning false stops reading: the result holds the batches received.
 */
export type OnBatch = (batch: RecordBatch, rowsSoFar: number) => boolean | void;

/** A connector over its own connection: consumers that cancel do not cancel each other. */
export class WasmConnector implements Connector {
	#conn: duckdb.AsyncDuckDBConnection;
	#db: WasmDatabase;
	#running = false;
	#cancelled = false;

	private constructor(conn: duckdb.AsyncDuckDBConnection, db: WasmDatabase) {
		this.#conn = conn;
		this.#db = db;
	}

	static async open(db: WasmDatabase): Promise<WasmConnector> {
		if (!db.alive()) throw new EngineStopped();
		// The engine's settings are database-wide and locked (./lockdown.ts).
		const conn = await Promise.race([db.db.connect(), db.stopped]);
		return new WasmConnector(conn, db);
	}

	/** A terminated worker never answers: fail at once instead of waiting forever. */
	#live(): void {
		if (!this.#db.alive()) throw new EngineStopped();
	}

	/** `work`, or EngineStopped as soon as the database is terminated while it waits. */
	#guard<T>(work: Promise<T>): Promise<T> {
		return Promise.race([work, this.#db.stopped]);
	}

	/**
	 * Run a query and keep its result in Arrow form (for large results). The
	 * result streams in batches, so a cancel() lands between two of them even
	 * when DuckDB has already started returning rows.
	 */
	async arrow(q: SqlQuery | string, onBatch?: OnBatch): Promise<Table> {
		const { sql, params = [] } = toQuery(q);
		this.#live();
		this.#running = true;
		this.#cancelled = false;
		try {
			if (params.length === 0)
				return await this.#guard(this.#conn.send(sql, true).then((r) => this.#collect(r, onBatch)));
			const stmt = await this.#guard(this.#conn.prepare(sql));
			try {
				return await this.#guard(stmt.send(...params).then((r) => this.#collect(r, onBatch)));
			} finally {
				// Guarded too: a worker killed between the check and the close would never answer,
				// and every later statement of this connection's queue would wait behind it.
				if (this.#db.alive()) await this.#guard(stmt.close()).catch(ignoreStopped);
			}
		} catch (error) {
			throw this.#cancelled ? new QueryCancelled() : error;
		} finally {
			this.#running = false;
		}
	}

	async #collect(reader: AsyncIterable<RecordBatch>, onBatch?: OnBatch): Promise<Table> {
		const batches: RecordBatch[] = [];
		let rows = 0;
		for await (const batch of reader) {
			if (this.#cancelled) throw new QueryCancelled();
			batches.push(batch);
			rows += batch.numRows;
			if (onBatch?.(batch, rows) === false) break;
		}
		if (this.#cancelled) throw new QueryCancelled();
		return new Table(batches);
	}

	async query<T = Record<string, unknown>>(q: SqlQuery | string): Promise<T[]> {
		return tableToRows<T>(await this.arrow(q));
	}

	/** Load an Arrow table into DuckDB as table `name` in main, replacing any table of that name. */
	async insertArrow(table: Table, name: string): Promise<void> {
		this.#live();
		await this.#guard(this.#conn.query(`DROP TABLE IF EXISTS ${quoteIdent(name)}`));
		await this.#guard(this.#conn.insertArrowTable(table, { name, create: true }));
	}

	/**
	 * Run a query and hand its result on as Arrow IPC stream bytes, exactly
	 * as the engine sends them: first the schema message, then record-batch
	 * messages, without decoding them here (for saved-upload snapshots, ./snapshot.ts).
	 */
	async ipcStream(sql: string, onChunk: (bytes: Uint8Array) => void): Promise<void> {
		this.#live();
		await this.#guard(
			this.#conn.useUnsafe(async (db, id) => {
				let header = await db.startPendingQuery(id, sql, true);
				while (header === null) header = await db.pollPendingQuery(id);
				onChunk(header);
				for (;;) {
					const chunk = await db.fetchQueryResults(id);
					if (chunk === null) continue;
					if (chunk.length === 0) return;
					onChunk(chunk);
				}
			})
		);
	}

	/** Load a complete Arrow IPC stream into table `name` of `schema` (created when `create`, else appended to). */
	async insertIpc(bytes: Uint8Array, name: string, schema: string, create: boolean): Promise<void> {
		this.#live();
		await this.#guard(this.#conn.insertArrowFromIPCStream(bytes, { name, schema, create }));
	}

	async exec(sql: string): Promise<void> {
		this.#live();
		await this.#guard(this.#conn.query(sql));
	}

	async cancel(): Promise<boolean> {
		if (!this.#running || !this.#db.alive()) return false;
		this.#cancelled = true;
		// False once DuckDB is already streaming: then the batch loop above stops instead.
		await this.#guard(this.#conn.cancelSent()).catch(ignoreStopped);
		return true;
	}

	async close(): Promise<void> {
		if (this.#db.alive()) await this.#guard(this.#conn.close()).catch(ignoreStopped);
	}
}
