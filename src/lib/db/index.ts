import { Engine } from './engine';
import { fetchShipped, loadShipped } from './shipped';
import { replayUploads } from './uploads';
import { openWasm, WasmConnector, type WasmDatabase } from './wasm';
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import type { BootProgress } from './engine';

export type { Connector, SqlQuery, Param, Row } from './connector';
export { WasmConnector, missingCapability, QueryCancelled } from './wasm';
export { engineFailure } from './failure';
export type { OnBatch } from './wasm';
export type { BootProgress } from './engine';

/**
 * The app's one database engine (DuckDB-WASM in a worker): shipped tables
 * from data/, then the user's saved uploads on top. All state (database,
 * connections, generation) lives inside this Engine instance.
 */
export const engine = new Engine<WasmDatabase, WasmConnector>({
	open: (onProgress) => {
		fetchShipped().catch(() => {}); // in parallel with the engine; loadShipped reports failures
		return openWasm(onProgress);
	},
	load: (db, main) => loadTables(db.db, main)
});

/** Shipped tables from data/, then the user's saved uploads on top. */
async function loadTables(db: AsyncDuckDB, conn: WasmConnector): Promise<void> {
	await loadShipped(db, conn);
	await replayUploads(db, conn);
}

/** The running AsyncDuckDB (for registering files), started if need be. */
export async function init(onProgress?: (p: BootProgress) => void): Promise<AsyncDuckDB> {
	return (await engine.database(onProgress)).db;
}

/** Start the engine, load the tables, and return the app's main connector (once per generation). */
export function start(onProgress?: (p: BootProgress) => void): Promise<WasmConnector> {
	return engine.start(onProgress);
}

/** Bring every table back to the shipped data plus saved uploads (after DROP/DELETE from SQL). */
export async function restoreTables(): Promise<void> {
	const main = await engine.start();
	await loadTables(await init(), main);
}

/** Throw the engine away (after it crashed or ran out of memory) and start a new one with the same tables. */
export function restart(onProgress?: (p: BootProgress) => void): Promise<WasmConnector> {
	return engine.restart(onProgress);
}

/** A further connection for a consumer that cancels its own queries (the SQL console). */
export function openConnector(): Promise<WasmConnector> {
	return engine.connect();
}
