import type { Connector } from '$lib/db/connector';
import type { BootProgress } from '$lib/db/engine';
import type { ConnectionSource } from '$lib/db/query-manager';
import { datasetSummary, uploadedIncidents, type DatasetSummary } from '$lib/query/dataset';

export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';

type DbModule = typeof import('$lib/db');

/**
 * What the shell shows about the engine (boot progress, failure, the live
 * dataset summary) and the one way the app starts it. The DuckDB module is
 * imported dynamically so that it never runs during prerendering; the Engine
 * inside it owns the database, its connections and restarts.
 */
export class EngineState {
	status = $state<EngineStatus>('idle');
	progress = $state.raw<BootProgress | null>(null);
	/** A message key reason ('webassembly', 'worker') or null for other failures. */
	reason = $state<string | null>(null);
	error = $state<string | null>(null);
	dataset = $state.raw<DatasetSummary | null>(null);
	/** Bumped whenever table contents change, so views know to query again. */
	version = $state(0);
	/**
	 * How many times the engine was started again after its first start (it
	 * died, or was restarted): the shell tells the user, whose open views
	 * re-query on the new engine.
	 */
	restarts = $state(0);

	#load: () => Promise<DbModule>;
	#db: DbModule | null = null;
	#booting: Promise<Connector> | null = null;
	#bootedGeneration = -1;

	constructor(load: () => Promise<DbModule>) {
		this.#load = load;
	}

	/** The engine's generation (0 until the db module is loaded); it moves on every restart. */
	get generation(): number {
		return this.#db?.engine.generation ?? 0;
	}

	/**
	 * Start the engine and load the shipped tables, once per engine generation:
	 * after the database died (and the engine noticed), the next boot() starts
	 * a new one and refreshes the dataset summary.
	 */
	boot(): Promise<Connector> {
		if (this.#booting && this.#db && this.#db.engine.generation !== this.#bootedGeneration)
			this.#booting = null;
		this.#booting ??= this.#launch(false);
		return this.#booting;
	}

	/** Throw the engine away and start a new one with the same tables (after a crash or out of memory). */
	restart(): Promise<Connector> {
		this.#booting = this.#launch(true);
		return this.#booting;
	}

	#launch(fresh: boolean): Promise<Connector> {
		return this.#run(fresh).catch((error: unknown) => {
			this.#booting = null;
			const message = error instanceof Error ? error.message : String(error);
			this.reason = message === 'webassembly' || message === 'worker' ? message : null;
			this.error = message;
			this.status = 'error';
			throw error;
		});
	}

	async #run(fresh: boolean): Promise<Connector> {
		this.status = 'loading';
		this.error = null;
		const db = (this.#db ??= await this.#load());
		const onProgress = (p: BootProgress) => (this.progress = p);
		const conn = await (fresh ? db.restart(onProgress) : db.start(onProgress));
		if (this.#bootedGeneration !== -1 && this.#bootedGeneration !== db.engine.generation)
			this.restarts++;
		this.#bootedGeneration = db.engine.generation;
		await this.refreshDataset(conn);
		this.status = 'ready';
		// The benchmark's "engine ready" (npm run bench); costs nothing otherwise.
		performance.mark('raqib:engine-ready');
		return conn;
	}

	/** Recompute the footer's summary after the tables changed. */
	async refreshDataset(conn: Connector): Promise<void> {
		const [row] = await conn.query<DatasetSummary>(datasetSummary());
		// Both are extras of the footer: a failure (say the incidents table was dropped from SQL) leaves them out.
		const uploaded = await conn
			.query<{ uploaded: number }>(uploadedIncidents())
			.then((r) => r[0]?.uploaded ?? 0)
			.catch(() => 0);
		const uploadTime = (await this.#db?.lastUploadTime()) ?? null;
		this.dataset = row ? { ...row, uploaded, uploadTime } : null;
		this.version++;
	}

	/**
	 * Where a consumer's query manager gets its connections: a new one from the
	 * engine (after boot), and the generation, so that a connection of a
	 * database that died is never reused.
	 */
	connections(): ConnectionSource {
		return {
			connect: async () => {
				await this.boot();
				return this.#db!.openConnector();
			},
			generation: () => {
				const g = this.generation;
				// The database died behind our back: boot again (new tables, new summary).
				if (this.#db && this.status === 'ready' && g !== this.#bootedGeneration)
					void this.boot().catch(() => {});
				return g;
			}
		};
	}

	/**
	 * A test-only hook (installed when localStorage 'raqib:test-hooks' is '1'):
	 * `window.raqibTest.killEngine()` terminates DuckDB's worker behind the app's
	 * back, as a crash would, so e2e tests can check that every page recovers.
	 */
	installTestHooks(): void {
		if (typeof window === 'undefined' || localStorage.getItem('raqib:test-hooks') !== '1') return;
		(window as unknown as { raqibTest: object }).raqibTest = {
			killEngine: async () => {
				const db = (this.#db ??= await this.#load());
				await (await db.engine.database()).terminate();
			}
		};
	}
}

/** The app's engine state. */
export const engine = new EngineState(() => import('$lib/db'));

/** Start the engine and load the tables (see EngineState.boot). */
export const boot = (): Promise<Connector> => engine.boot();
/** Restart the engine (see EngineState.restart). */
export const restartEngine = (): Promise<Connector> => engine.restart();
/** Recompute the dataset summary (see EngineState.refreshDataset). */
export const refreshDataset = (conn: Connector): Promise<void> => engine.refreshDataset(conn);
