import { Engine, type EngineDriver } from './engine';
import { ShippedTables } from './shipped';
import { replayUploads, type ReplayProblem } from './uploads';
import { listUploads } from './store';
import { rememberShipped } from '$lib/query/dataset';
import { openWasm, WasmConnector, type WasmDatabase } from './wasm';
import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import type { BootProgress } from './engine';

export type { Connector, SqlQuery, Param, Row } from './connector';
export { WasmConnector, missingCapability, QueryCancelled } from './wasm';
export { engineFailure } from './failure';
export type { OnBatch } from './wasm';
export type { BootProgress } from './engine';

/**
 * How the app starts DuckDB-WASM and fills it: the shipped tables from data/
 * (fetched once, while the WebAssembly compiles), then the user's saved
 * uploads on top. Keeps the last replay's problems for the upload page.
 */
class AppDriver implements EngineDriver<WasmDatabase, WasmConnector> {
	#shipped = new ShippedTables();
	/** Saved uploads that could not be re-applied at the last start (see replayUploads). */
	replayProblems: ReplayProblem[] = [];

	open(onProgress?: (p: BootProgress) => void): Promise<WasmDatabase> {
		this.#shipped.fetch().catch(() => {}); // in parallel with the engine; load() reports failures
		return openWasm(onProgress);
	}

	load(db: WasmDatabase, main: WasmConnector): Promise<void> {
		return this.loadTables(db.db, main);
	}

	/** Shipped tables from data/, then the user's saved uploads on top. */
	async loadTables(db: AsyncDuckDB, conn: WasmConnector): Promise<void> {
		await this.#shipped.load(db, conn);
		// What the shipped incidents were, so the footer can count the ones uploads added or changed.
		await conn.exec(rememberShipped());
		this.replayProblems = await replayUploads(db, conn);
	}
}

/**
 * The app's one database engine (DuckDB-WASM in a worker). All state
 * (database, connections, generation, shipped texts, replay problems) lives
 * inside this Engine instance and its driver.
 */
export const engine = new Engine<WasmDatabase, WasmConnector, AppDriver>(new AppDriver());

/** Saved uploads that could not be re-applied when the engine last started. */
export function replayProblems(): readonly ReplayProblem[] {
	return engine.driver.replayProblems;
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
	await engine.driver.loadTables(await init(), main);
}

/** When the newest saved upload was applied (ISO), or null when there is none or storage cannot be read. */
export async function lastUploadTime(): Promise<string | null> {
	try {
		const times = (await listUploads()).map((u) => u.time).sort();
		return times.at(-1) ?? null;
	} catch {
		return null;
	}
}

/** Throw the engine away (after it crashed or ran out of memory) and start a new one with the same tables. */
export function restart(onProgress?: (p: BootProgress) => void): Promise<WasmConnector> {
	return engine.restart(onProgress);
}

/** A further connection for a consumer that cancels its own queries (the SQL console). */
export function openConnector(): Promise<WasmConnector> {
	return engine.connect();
}
