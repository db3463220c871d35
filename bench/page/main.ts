/**
 * The bench page: DuckDB-WASM started exactly as the app starts it (same
 * bundles, same settings, same codebook-typed loader), next to Arquero, in
 * one Chromium page. Built by bench/page/vite.config.ts into bench/results/
 * and never part of the app's bundle. The harness drives it through
 * window.raqibBench with page.evaluate.
 */
import type { ColumnTable } from 'arquero';
import { createFromCsv } from '$lib/db/ddl';
import { ENGINE_DIR } from '$lib/db/lockdown';
import { openWasm, type WasmConnector, type WasmDatabase } from '$lib/db/wasm';
import { AGGREGATE_SQL, checksum, type AggregateName } from '../lib/aggregates';
import { MEMORY_SQL } from '../lib/memory';
import type { QueryRun } from '../lib/types';
import { ARQUERO_AGGREGATES, arqueroFromCsv } from './arquero';

/** The engine is locked to files under ENGINE_DIR, like the app's own registered files. */
const BENCH_CSV = `${ENGINE_DIR}bench.csv`;

let conn: WasmConnector | null = null;

/** The page's live JS heap in MB after a full GC, when Chromium exposes both. */
function heapMB(): number {
	(globalThis as { gc?: () => void }).gc?.();
	const memory = (performance as { memory?: { usedJSHeapSize: number } }).memory;
	return memory ? memory.usedJSHeapSize / 1e6 : NaN;
}
let peer: ColumnTable | null = null;

let database: Promise<WasmDatabase> | null = null;
/** The bench page's own DuckDB-WASM (no app tables), started once. */
const init = async () => (await (database ??= openWasm())).db;

async function duck(): Promise<WasmConnector> {
	conn ??= await (await (database ??= openWasm())).connect();
	return conn;
}

async function fetchText(url: string): Promise<{ text: string; ms: number }> {
	const t0 = performance.now();
	const res = await fetch(url);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	const text = await res.text();
	return { text, ms: performance.now() - t0 };
}

/** Time one aggregate, from the call to its rows as JS objects. */
async function timed(run: () => Promise<{ n: unknown }[]> | { n: unknown }[]): Promise<QueryRun> {
	const t0 = performance.now();
	const rows = await run();
	return { ms: performance.now() - t0, check: checksum(rows) };
}

const api = {
	async startDuck(): Promise<number> {
		const t0 = performance.now();
		await duck();
		return performance.now() - t0;
	},
	/** Fetch a CSV from the bench server and load it as the app loads data/ (typed by the codebook). */
	async duckLoadCsv(url: string) {
		const c = await duck();
		const { text, ms: fetchMs } = await fetchText(url);
		const t0 = performance.now();
		const db = await init();
		await db.registerFileText(BENCH_CSV, text);
		await c.exec(createFromCsv('incidents', BENCH_CSV));
		await db.dropFile(BENCH_CSV);
		const loadMs = performance.now() - t0;
		const [row] = await c.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM incidents');
		return { fetchMs, loadMs, rows: row?.n ?? 0, bytes: text.length };
	},
	async duckExec(sql: string): Promise<number> {
		const c = await duck();
		const t0 = performance.now();
		await c.exec(sql);
		return performance.now() - t0;
	},
	async duckQuery(name: AggregateName): Promise<QueryRun> {
		const c = await duck();
		return timed(() => c.query<{ n: unknown }>(AGGREGATE_SQL[name]));
	},
	/** DuckDB's own count of the memory it holds, MB. */
	async duckMemory(): Promise<number> {
		const [row] = await (await duck()).query<{ mb: number }>(MEMORY_SQL);
		return row?.mb ?? NaN;
	},
	async arqueroLoadCsv(url: string) {
		const fetched = await fetchText(url);
		const fetchMs = fetched.ms;
		let text = fetched.text;
		const before = heapMB();
		const t0 = performance.now();
		peer = arqueroFromCsv(text);
		const loadMs = performance.now() - t0;
		const bytes = text.length;
		text = '';
		// The table's share of the JS heap (needs --js-flags=--expose-gc and precise memory info).
		return { fetchMs, loadMs, rows: peer.numRows(), bytes, memoryMB: heapMB() - before };
	},
	async arqueroQuery(name: AggregateName): Promise<QueryRun> {
		const table = peer;
		if (!table) throw new Error('load a CSV into Arquero first');
		return timed(() => ARQUERO_AGGREGATES[name](table) as { n: unknown }[]);
	},
	/** Free both engines' tables before the next size. */
	async reset(): Promise<void> {
		peer = null;
		await (await duck()).exec('DROP TABLE IF EXISTS incidents');
	}
};

export type BenchPageApi = typeof api;
(window as unknown as { raqibBench: BenchPageApi }).raqibBench = api;
document.documentElement.dataset.ready = 'true';
