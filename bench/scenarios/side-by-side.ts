import { cpus } from 'node:os';
import type { Page } from 'playwright-core';
import type { BenchPageApi } from '../page/main';
import { AGGREGATE_NAMES, type Checksum } from '../lib/aggregates';
import { launch } from '../lib/browser';
import { readCompanions } from '../lib/companions';
import { sizeLabel } from '../lib/context';
import { measured, missing, type Figure } from '../lib/figures';
import { runNative, type EngineRun } from '../lib/native';
import { median, p95 } from '../lib/stats';
import { syntheticTableSql } from '../lib/synth-sql';
import type { AggregateTimings } from '../lib/types';
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

interface Engine {
	col: string;
	run: EngineRun | null;
	why?: string;
}

const ENGINES = [
	'DuckDB-WASM',
	'native 1 thread',
	`native ${cpus().length} threads`,
	'Arquero'
] as const;

function engineFigures(size: string, engines: Engine[], reference: Checksum[] | null): Figure[] {
	const figures: Figure[] = [];
	for (const e of engines) {
		figures.push(
			e.run
				? measured(`${size} · load`, e.col, 'ms', e.run.loadMs)
				: missing(`${size} · load`, e.col, 'ms', e.why ?? 'not run'),
			e.run?.memoryMB != null && Number.isFinite(e.run.memoryMB)
				? measured(`${size} · memory`, e.col, 'MB', e.run.memoryMB)
				: missing(`${size} · memory`, e.col, 'MB', e.why ?? 'not reported')
		);
		AGGREGATE_NAMES.forEach((name, i) => {
			const row = `${size} · ${name}`;
			const t = e.run?.timings[name];
			if (!t) return figures.push(missing(row, e.col, 'ms', e.why ?? 'not run'));
			const same = !reference || sameCheck(t.check, reference[i]!);
			figures.push(
				measured(row, e.col, 'ms', median(t.ms), {
					p95: p95(t.ms),
					n: t.ms.length,
					note: same
						? undefined
						: `answer differs from DuckDB-WASM: ${JSON.stringify(t.check)} vs ${JSON.stringify(reference![i])}`
				})
			);
		});
	}
	return figures;
}

const sameCheck = (a: Checksum, b: Checksum) => a.groups === b.groups && a.total === b.total;

const RATIOS = 'Ratios of medians (below 1: DuckDB-WASM is faster)';

/** Ratios per aggregate: WASM / native (1 thread, all threads) and WASM / Arquero. */
function ratioFigures(size: string, wasm: Engine, others: Engine[]): Figure[] {
	const figures: Figure[] = [];
	for (const other of others) {
		const col = `WASM / ${other.col}`;
		for (const name of AGGREGATE_NAMES) {
			const a = wasm.run?.timings[name];
			const b = other.run?.timings[name];
			const row = `${size} · ${name}`;
			figures.push(
				a && b
					? measured(row, col, '×', median(a.ms) / median(b.ms), { table: RATIOS })
					: { ...missing(row, col, '×', other.why ?? wasm.why ?? 'not run'), table: RATIOS }
			);
		}
	}
	return figures;
}

async function browserRun(
	page: Page,
	load: () => Promise<{ loadMs: number; memoryMB?: number }>,
	reps: number,
	aggregates: (reps: number) => Promise<AggregateTimings>
): Promise<EngineRun> {
	const loaded = await load();
	return {
		loadMs: loaded.loadMs,
		memoryMB: loaded.memoryMB ?? null,
		timings: await aggregates(reps)
	};
}

export const sideBySideScenario: Scenario = {
	id: 'side-by-side',
	title: 'The dashboard aggregates, side by side',
	contract:
		"Attacks by actor, by target and per ISO week on the same data, in DuckDB-WASM (the app's bundles, settings and codebook DDL, in a bench-only page in the same Chromium), " +
		'native DuckDB (@duckdb/node-api, SET threads = 1 and = all cores) and Arquero 8 (in the same page). CSV sizes: loaded from the generated CSV (DuckDB: registerFileText + read_csv typed by the codebook; ' +
		'Arquero: fromCSV with type inference). SQL sizes: the same generator in SQL, run inside each DuckDB (five columns only). Times in ms: median (p95) of the repetitions after one warm-up; ' +
		'each query includes reading its rows out as JS objects. "load" = CSV text → table (fetch excluded). memory = DuckDB\'s duckdb_memory() / Arquero\'s share of the JS heap.',
	async run(ctx) {
		const figures: Figure[] = [];
		const notes: string[] = [];
		const s = await launch(new URL(ctx.pageUrl).origin);
		try {
			await s.page.goto(ctx.pageUrl + '/');
			await s.page.waitForSelector('html[data-ready]');
			await call(s.page, 'startDuck');
			const companions = readCompanions();
			const sizes = [
				...ctx.csvSizes.map((rows) => ({ rows, csv: ctx.csvs.get(rows)! })),
				...ctx.sqlSizes.map((rows) => ({ rows, csv: null }))
			];
			for (const { rows, csv } of sizes) {
				const size = `${sizeLabel(rows)}${csv ? '' : ' (SQL)'}`;
				const sql = syntheticTableSql('incidents', rows, ctx.seed, companions);
				const source = csv ? { csv: csv.path } : { sql };
				ctx.log(`side by side ${size}: DuckDB-WASM`);
				const wasm: Engine = {
					col: ENGINES[0],
					run: await browserRun(
						s.page,
						async () => {
							const loaded = csv
								? await call(s.page, 'duckLoadCsv', csv.url)
								: { loadMs: await call(s.page, 'duckExec', sql) };
							return { loadMs: loaded.loadMs, memoryMB: await call(s.page, 'duckMemory') };
						},
						ctx.reps,
						(reps) => call(s.page, 'duckAggregates', reps)
					)
				};
				await call(s.page, 'reset');
				ctx.log(`side by side ${size}: native`);
				const native1: Engine = { col: ENGINES[1], run: await runNative(1, source, ctx.reps) };
				const nativeAll: Engine = {
					col: ENGINES[2],
					run: await runNative(cpus().length, source, ctx.reps)
				};
				let peer: Engine;
				if (csv) {
					ctx.log(`side by side ${size}: Arquero`);
					peer = {
						col: ENGINES[3],
						run: await browserRun(
							s.page,
							() => call(s.page, 'arqueroLoadCsv', csv.url),
							ctx.reps,
							(reps) => call(s.page, 'arqueroAggregates', reps)
						)
					};
					await call(s.page, 'reset');
				} else {
					peer = {
						col: ENGINES[3],
						run: null,
						why: 'not run: Arquero loads CSV; a 10M-row CSV (~3 GB) exceeds what one page can hold as text'
					};
				}
				const reference = AGGREGATE_NAMES.map((n) => wasm.run!.timings[n].check);
				figures.push(...engineFigures(size, [wasm, native1, nativeAll, peer], reference));
				figures.push(...ratioFigures(size, wasm, [native1, nativeAll, peer]));
			}
			notes.push(...s.problems);
		} finally {
			await s.close();
		}
		return { figures, notes };
	}
};
