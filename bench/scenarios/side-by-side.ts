import { cpus } from 'node:os';
import type { Page } from 'playwright-core';
import type { BenchPageApi } from '../page/main';
import { AGGREGATE_NAMES, type AggregateName, type Checksum } from '../lib/aggregates';
import { launch } from '../lib/browser';
import { readCompanions } from '../lib/companions';
import { sizeLabel } from '../lib/context';
import { measured, missing, type Figure } from '../lib/figures';
import { nativeEngine } from '../lib/native';
import { median, p95 } from '../lib/stats';
import { syntheticTableSql } from '../lib/synth-sql';
import type { EngineHandle, QueryRun, Source } from '../lib/types';
import type { Scenario } from './types';

type Api = BenchPageApi;

/** Call the bench page's API (window.raqibBench) in the browser. */
function call<K extends keyof Api>(page: Page, name: K, ...args: Parameters<Api[K]>) {
	return page.evaluate(
		([n, a]) =>
			(window as unknown as { raqibBench: Record<string, (...x: unknown[]) => unknown> })
				.raqibBench[n as string]!(...(a as unknown[])),
		[name, args] as const
	) as Promise<Awaited<ReturnType<Api[K]>>>;
}

/** DuckDB-WASM in the bench page, started as the app starts it. */
function wasmEngine(page: Page): EngineHandle {
	return {
		col: 'DuckDB-WASM',
		async load(source: Source) {
			const loadMs =
				'csv' in source
					? (await call(page, 'duckLoadCsv', source.url)).loadMs
					: await call(page, 'duckExec', source.sql);
			return { loadMs, memoryMB: await call(page, 'duckMemory') };
		},
		query: (name) => call(page, 'duckQuery', name),
		close: () => call(page, 'reset')
	};
}

/** Arquero in the same page; it reads CSV only. */
function arqueroEngine(page: Page): EngineHandle {
	return {
		col: 'Arquero',
		async load(source: Source) {
			if (!('csv' in source)) throw new Error('Arquero reads CSV only');
			const r = await call(page, 'arqueroLoadCsv', source.url);
			return { loadMs: r.loadMs, memoryMB: Number.isFinite(r.memoryMB) ? r.memoryMB : null };
		},
		query: (name) => call(page, 'arqueroQuery', name),
		close: () => call(page, 'reset')
	};
}

const START = 'DuckDB-WASM start in the bench page, from init() to an open connection (one run)';
const RATIOS = 'Ratios of medians (below 1: DuckDB-WASM is faster)';
const ARQUERO_SQL_SIZE =
	'not run: Arquero loads CSV; at this size the CSV (~3 GB at 10M) is more than one page can hold as text';
const sameCheck = (a: Checksum, b: Checksum) => a.groups === b.groups && a.total === b.total;

interface Loaded {
	engine: EngineHandle;
	loadMs: number;
	memoryMB: number | null;
	runs: Record<AggregateName, QueryRun[]>;
}

/**
 * Interleaved rounds: in each round every engine runs every aggregate once,
 * so that load from other processes on the machine falls on all engines
 * alike. Round 0 is a warm-up and is not kept.
 */
async function rounds(engines: Loaded[], reps: number): Promise<void> {
	for (let i = 0; i <= reps; i++)
		for (const e of engines)
			for (const name of AGGREGATE_NAMES) {
				const run = await e.engine.query(name);
				if (i > 0) e.runs[name].push(run);
			}
}

function figuresFor(size: string, loaded: Loaded[], skipped: { col: string; why: string }[]) {
	const figures: Figure[] = [];
	const reference = loaded[0]!;
	for (const e of loaded) {
		const col = e.engine.col;
		figures.push(measured(`${size} · load`, col, 'ms', e.loadMs));
		figures.push(
			e.memoryMB === null
				? missing(`${size} · memory`, col, 'MB', 'not reported by this engine')
				: measured(`${size} · memory`, col, 'MB', e.memoryMB)
		);
		for (const name of AGGREGATE_NAMES) {
			const ms = e.runs[name].map((r) => r.ms);
			const check = e.runs[name].at(-1)!.check;
			const ref = reference.runs[name].at(-1)!.check;
			figures.push(
				measured(`${size} · ${name}`, col, 'ms', median(ms), {
					p95: p95(ms),
					n: ms.length,
					note: sameCheck(check, ref)
						? undefined
						: `answer differs from DuckDB-WASM: ${JSON.stringify(check)} vs ${JSON.stringify(ref)}`
				})
			);
		}
	}
	for (const s of skipped)
		for (const row of ['load', 'memory', ...AGGREGATE_NAMES])
			figures.push(missing(`${size} · ${row}`, s.col, row === 'memory' ? 'MB' : 'ms', s.why));
	for (const other of [...loaded.slice(1).map((e) => e.engine.col), ...skipped.map((s) => s.col)]) {
		const e = loaded.find((l) => l.engine.col === other);
		for (const name of AGGREGATE_NAMES) {
			const row = `${size} · ${name}`;
			const col = `WASM / ${other}`;
			figures.push(
				e
					? measured(
							row,
							col,
							'×',
							median(reference.runs[name].map((r) => r.ms)) / median(e.runs[name].map((r) => r.ms)),
							{ table: RATIOS }
						)
					: { ...missing(row, col, '×', skipped.find((s) => s.col === other)!.why), table: RATIOS }
			);
		}
	}
	return figures;
}

export const sideBySideScenario: Scenario = {
	id: 'side-by-side',
	title: 'The dashboard aggregates, side by side',
	contract:
		"Attacks by actor, by target and per ISO week on the same data, in DuckDB-WASM (the app's bundles, settings and codebook DDL, in a bench-only page in the same Chromium), " +
		'native DuckDB (@duckdb/node-api, threads = 1 and = all cores) and Arquero 8 (in the same page). CSV sizes: loaded from the generated CSV (DuckDB: registerFileText + read_csv typed by the codebook; ' +
		'Arquero: fromCSV with type inference). "(SQL)" sizes: the same generator written in SQL, run inside each DuckDB (five columns only). All engines hold the data at once and run in interleaved rounds ' +
		'(each round: every engine, every aggregate), so that load from other processes falls on all alike. ms: median (p95) of the rounds after one warm-up round; ' +
		'each query includes reading its rows out as JS objects. load = CSV text (or SQL) → table, fetch excluded. memory = duckdb_memory() for DuckDB; for Arquero its share of the JS heap after GC.',
	async run(ctx) {
		const figures: Figure[] = [];
		const s = await launch(new URL(ctx.pageUrl).origin);
		try {
			await s.page.goto(ctx.pageUrl + '/');
			await s.page.waitForSelector('html[data-ready]');
			// The bare engine start in this page (worker, wasm compile, open): the floor under the app's "engine ready".
			const startMs = await call(s.page, 'startDuck');
			figures.push(
				measured('engine start (worker + wasm + open)', 'DuckDB-WASM', 'ms', startMs, {
					table: START
				})
			);
			const companions = readCompanions();
			const sizes: { rows: number; csv: boolean }[] = [
				...ctx.csvSizes.map((rows) => ({ rows, csv: true })),
				...ctx.sqlSizes.map((rows) => ({ rows, csv: false }))
			];
			for (const { rows, csv } of sizes) {
				const size = `${sizeLabel(rows)}${csv ? '' : ' (SQL)'}`;
				const file = ctx.csvs.get(rows);
				const source: Source =
					csv && file
						? { csv: file.path, url: file.url }
						: { sql: syntheticTableSql('incidents', rows, ctx.seed, companions) };
				const engines = [
					wasmEngine(s.page),
					await nativeEngine(1, 'native 1 thread'),
					await nativeEngine(cpus().length, `native ${cpus().length} threads`),
					...(csv ? [arqueroEngine(s.page)] : [])
				];
				const loaded: Loaded[] = [];
				try {
					for (const engine of engines) {
						ctx.log(`side by side ${size}: loading ${engine.col}`);
						const l = await engine.load(source);
						loaded.push({ engine, ...l, runs: { by_actor: [], by_target: [], by_week: [] } });
					}
					ctx.log(`side by side ${size}: ${ctx.reps} rounds`);
					await rounds(loaded, ctx.reps);
				} finally {
					for (const e of engines) await e.close();
				}
				const skipped = csv ? [] : [{ col: 'Arquero', why: ARQUERO_SQL_SIZE }];
				figures.push(...figuresFor(size, loaded, skipped));
			}
		} finally {
			await s.close();
		}
		return { figures, notes: s.problems };
	}
};
