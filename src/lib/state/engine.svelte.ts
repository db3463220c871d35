import type { Connector } from '$lib/db/connector';
import type { BootProgress } from '$lib/db/wasm';
import { datasetSummary, type DatasetSummary } from '$lib/query/dataset';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What the shell shows about the engine: boot progress, failure, and the live dataset summary. */
class EngineState {
	status = $state<EngineStatus>('idle');
	progress = $state.raw<BootProgress | null>(null);
	/** A message key reason ('webassembly', 'worker') or null for other failures. */
	reason = $state<string | null>(null);
	error = $state<string | null>(null);
	dataset = $state.raw<DatasetSummary | null>(null);
	/** Bumped whenever table contents change, so views know to query again. */
	version = $state(0);
}

export const engine = new EngineState();

let booting: Promise<Connector> | null = null;

/**
 * Start the engine and load the shipped tables, once. The DuckDB module is
 * imported dynamically so that it never runs during prerendering.
 */
export function boot(): Promise<Connector> {
	booting ??= launch(false);
	return booting;
}

/**
 * Throw the engine away and start a new one with the same tables (after it
 * crashed or ran out of memory); every later boot() gets the new connector.
 */
export function restartEngine(): Promise<Connector> {
	booting = launch(true);
	return booting;
}

function launch(fresh: boolean): Promise<Connector> {
	return run(fresh).catch((error: unknown) => {
		booting = null;
		const message = error instanceof Error ? error.message : String(error);
		engine.reason = message === 'webassembly' || message === 'worker' ? message : null;
		engine.error = message;
		engine.status = 'error';
		throw error;
	});
}

async function run(fresh: boolean): Promise<Connector> {
	engine.status = 'loading';
	engine.error = null;
	const db = await import('$lib/db');
	const onProgress = (p: BootProgress) => (engine.progress = p);
	const conn = await (fresh ? db.restart(onProgress) : db.start(onProgress));
	await refreshDataset(conn);
	engine.status = 'ready';
	// The benchmark's "engine ready" (npm run bench); costs nothing otherwise.
	performance.mark('raqib:engine-ready');
	return conn;
}

/** Recompute the footer's summary after the tables changed. */
export async function refreshDataset(conn: Connector): Promise<void> {
	const [row] = await conn.query<DatasetSummary>(datasetSummary());
	engine.dataset = row ?? null;
	engine.version++;
}
