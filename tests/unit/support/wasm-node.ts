import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Table } from 'apache-arrow';

const require = createRequire(import.meta.url);

/** The parts of DuckDB-WASM's Node blocking bindings used here (the package ships no types for the .cjs path). */
interface BlockingModule {
	createDuckDB(
		bundles: object,
		logger: object,
		runtime: object
	): Promise<{
		instantiate(): Promise<unknown>;
		open(config: object): void;
		connect(): { query(sql: string): unknown };
	}>;
	VoidLogger: new () => object;
	NODE_RUNTIME: object;
}

/**
 * DuckDB-WASM itself, run in Node through its blocking bindings: the same
 * engine build and the same Arrow results as the browser gets, for tests of
 * how the console displays them. Opened with the app's Arrow settings.
 */
export async function wasmDuckDB(): Promise<{ query(sql: string): Table }> {
	const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as BlockingModule;
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
	const bundles = {
		mvp: {
			mainModule: join(dist, 'duckdb-mvp.wasm'),
			mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs')
		},
		eh: {
			mainModule: join(dist, 'duckdb-eh.wasm'),
			mainWorker: join(dist, 'duckdb-node-eh.worker.cjs')
		}
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: false } });
	const conn = db.connect();
	return { query: (sql: string) => conn.query(sql) as unknown as Table };
}
