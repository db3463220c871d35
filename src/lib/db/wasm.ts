import * as duckdb from '@duckdb/duckdb-wasm';
import { Table, type RecordBatch } from 'apache-arrow';
import { BUNDLES } from './bundles';
import { toQuery, type Connector, type SqlQuery } from './connector';
import { lockDown } from './lockdown';
import { tableToRows } from './values';
import { quoteIdent } from '$lib/query/sql';

export type BootStep = 'download' | 'start' | 'tables' | 'ready';
export interface BootProgress {
	step: BootStep;
	/** Bytes of the engine's .wasm received so far (decoded), and in total when known. */
	loaded?: number;
	total?: number;
}

/** Reasons the engine cannot start at all in this browser, in plain words for the user. */
export function missingCapability(): string | null {
	if (typeof WebAssembly !== 'object') return 'webassembly';
	if (typeof Worker !== 'function') return 'worker';
	return null;
}

let engine: Promise<duckdb.AsyncDuckDB> | null = null;

/** Start DuckDB-WASM once; every caller shares the same promise. */
export function init(onProgress?: (p: BootProgress) => void): Promise<duckdb.AsyncDuckDB> {
	engine ??= start(onProgress).catch((error: unknown) => {
		engine = null; // let a retry start from scratch
		throw error;
	});
	return engine;
}

async function start(onProgress?: (p: BootProgress) => void): Promise<duckdb.AsyncDuckDB> {
	const missing = missingCapability();
	if (missing) throw new Error(missing);
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
	onProgress?.({ step: 'start' });
	await db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: false } });
	await lockDown(db);
	return db;
}

/** Forget the running engine (after it crashed or ran out of memory) so init() starts a new one. */
export async function terminate(): Promise<void> {
	const current = engine;
	engine = null;
	if (current) await (await current.catch(() => null))?.terminate();
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
	#running = false;
	#cancelled = false;

	private constructor(conn: duckdb.AsyncDuckDBConnection) {
		this.#conn = conn;
	}

	static async open(db: duckdb.AsyncDuckDB): Promise<WasmConnector> {
		// The engine's settings are database-wide and locked (./lockdown.ts).
		return new WasmConnector(await db.connect());
	}

	/**
	 * Run a query and keep its result in Arrow form (for large results). The
	 * result streams in batches, so a cancel() lands between two of them even
	 * when DuckDB has already started returning rows.
	 */
	async arrow(q: SqlQuery | string, onBatch?: OnBatch): Promise<Table> {
		const { sql, params = [] } = toQuery(q);
		this.#running = true;
		this.#cancelled = false;
		try {
			if (params.length === 0)
				return await this.#collect(await this.#conn.send(sql, true), onBatch);
			const stmt = await this.#conn.prepare(sql);
			try {
				return await this.#collect(await stmt.send(...params), onBatch);
			} finally {
				await stmt.close();
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
		await this.#conn.query(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
		await this.#conn.insertArrowTable(table, { name, create: true });
	}

	async exec(sql: string): Promise<void> {
		await this.#conn.query(sql);
	}

	async cancel(): Promise<boolean> {
		if (!this.#running) return false;
		this.#cancelled = true;
		// False once DuckDB is already streaming: then the batch loop above stops instead.
		await this.#conn.cancelSent();
		return true;
	}

	async close(): Promise<void> {
		await this.#conn.close();
	}
}
