import { fetchShipped, loadShipped } from './shipped';
import { replayUploads } from './uploads';
import { init, terminate, WasmConnector, type BootProgress } from './wasm';

export type { Connector, SqlQuery, Param, Row } from './connector';
export { init, WasmConnector, missingCapability, QueryCancelled } from './wasm';
export { engineFailure } from './failure';
export type { BootProgress, OnBatch } from './wasm';

let main: Promise<WasmConnector> | null = null;

/** Start the engine, load the tables, and return the app's main connector (once). */
export function start(onProgress?: (p: BootProgress) => void): Promise<WasmConnector> {
	main ??= (async () => {
		fetchShipped().catch(() => {}); // in parallel with the engine; loadShipped reports failures
		const db = await init(onProgress);
		const conn = await WasmConnector.open(db);
		onProgress?.({ step: 'tables' });
		await loadTables(conn);
		onProgress?.({ step: 'ready' });
		return conn;
	})().catch((error: unknown) => {
		main = null;
		throw error;
	});
	return main;
}

/** Shipped tables from data/, then the user's saved uploads on top. */
async function loadTables(conn: WasmConnector): Promise<void> {
	const db = await init();
	await loadShipped(db, conn);
	await replayUploads(db, conn);
}

/** Bring every table back to the shipped data plus saved uploads (after DROP/DELETE from SQL). */
export async function restoreTables(): Promise<void> {
	await loadTables(await start());
}

/** Throw the engine away (after it crashed or ran out of memory) and start a new one with the same tables. */
export async function restart(onProgress?: (p: BootProgress) => void): Promise<WasmConnector> {
	main = null;
	await terminate();
	return start(onProgress);
}

/** A further connection for a consumer that cancels its own queries (the SQL console). */
export async function openConnector(): Promise<WasmConnector> {
	await start();
	return WasmConnector.open(await init());
}
