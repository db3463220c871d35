/**
 * `npm run bench [-- --quick] [--no-build] [--app dir] [--only a,b] [--strict] [--out dir]`
 *
 * Builds the app (npm run build) and the bench-only page (bench/page),
 * generates the synthetic CSVs, serves both with scripts/server.js, runs every
 * scenario in headless Debian Chromium and native DuckDB, prints one table per
 * scenario and writes them as JSON and Markdown to bench/results/ (git-ignored).
 * It reports; it never passes or fails on speed. --strict exits non-zero when a
 * figure is missing (for when every scenario is wired).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { serveBuild } from '../scripts/server.js';
import { CHROMIUM, ensureChromium } from '../tests/e2e/chromium.js';
import { writeLayoutFile } from './lib/acled-layouts';
import {
	generateCsvs,
	csvName,
	sizeLabel,
	type BenchContext,
	type GeneratedCsv
} from './lib/context';
import { missing, type ScenarioResult } from './lib/figures';
import { markdownReport, textReport, type RunInfo } from './lib/report';
import { SCENARIOS } from './scenarios';

const { values } = parseArgs({
	options: {
		quick: { type: 'boolean', default: false },
		'no-build': { type: 'boolean', default: false },
		app: { type: 'string' },
		strict: { type: 'boolean', default: false },
		only: { type: 'string' },
		out: { type: 'string', default: 'bench/results' },
		seed: { type: 'string', default: '20260101' }
	}
});
const quick = values.quick;
const started = performance.now();
const loadAtStart = loadavg()[0]!;
const log = (m: string) =>
	console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);

// Sizes and repetitions: --quick exercises every code path at small sizes.
const plan = quick
	? {
			csvSizes: [10_000],
			sqlSizes: [20_000],
			reps: 2,
			startRuns: 1,
			filterChanges: 3,
			uploadRows: 10_000
		}
	: {
			csvSizes: [10_000, 100_000, 1_000_000],
			sqlSizes: [10_000_000],
			reps: 10,
			startRuns: 5,
			filterChanges: 20,
			uploadRows: 1_000_000
		};

ensureChromium();
// --app dir: measure another build of the app (e.g. a branch's), as it is.
const buildDir = resolve(values.app ?? 'build');
if (!values['no-build'] && !values.app) {
	log('building the app (npm run build)');
	const r = spawnSync('npm', ['run', '--silent', 'build'], {
		stdio: ['ignore', 'ignore', 'inherit']
	});
	if (r.status !== 0) throw new Error('npm run build failed');
}
const pageDir = resolve(values.out, 'page');
log('building the bench page (bench/page)');
await build({ configFile: resolve('bench/page/vite.config.ts'), build: { outDir: pageDir } });
// The page gets the app's headers, plus 'unsafe-eval': Arquero compiles its expressions with Function().
const headers = readFileSync(join(buildDir, '_headers'), 'utf8').replace(
	"script-src 'self'",
	"script-src 'self' 'unsafe-eval'"
);
writeFileSync(join(pageDir, '_headers'), headers);

const seed = Number(values.seed);
log(`generating CSVs: ${[...plan.csvSizes, plan.uploadRows].join(', ')} rows`);
const generated = await generateCsvs(pageDir, seed, [...plan.csvSizes, plan.uploadRows]);

log(`generating an ACLED-layout file: ${plan.uploadRows} events`);
const acledName = `acled-${sizeLabel(plan.uploadRows)}-seed${seed}.csv`;
const acledPath = join(pageDir, 'data', acledName);
const acledStarted = performance.now();
const acledBytes = await writeLayoutFile(acledPath, plan.uploadRows, seed);

const app = await serveBuild({ dir: buildDir });
const page = await serveBuild({ dir: pageDir });
const csvs = new Map<number, GeneratedCsv>(
	[...generated].map(([rows, c]) => [
		rows,
		{ ...c, url: `${page.url}/data/${csvName(rows, seed)}` }
	])
);
const ctx: BenchContext = {
	quick,
	seed,
	appUrl: app.url,
	buildDir,
	pageUrl: page.url,
	pageDir,
	...plan,
	csvs,
	acledCsv: {
		rows: plan.uploadRows,
		path: acledPath,
		url: `${page.url}/data/${acledName}`,
		bytes: acledBytes,
		seconds: (performance.now() - acledStarted) / 1000
	},
	log
};

const only = values.only?.split(',');
const results: ScenarioResult[] = [];
try {
	for (const s of SCENARIOS.filter((s) => !only || only.includes(s.id))) {
		log(`▶ ${s.title}`);
		try {
			const r = await s.run(ctx);
			results.push({
				id: s.id,
				title: s.title,
				contract: s.contract,
				figures: r.figures,
				notes: r.notes ?? []
			});
		} catch (error) {
			const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
			log(`✗ ${s.id} failed: ${message}`);
			results.push({
				id: s.id,
				title: s.title,
				contract: s.contract,
				figures: [missing('run', 'error', 'count', message.split('\n')[0]!)],
				notes: []
			});
		}
	}
} finally {
	await app.close();
	await page.close();
}

const pkg = (name: string) =>
	JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version as string;
const info: RunInfo = {
	date: new Date().toISOString(),
	mode: quick ? 'quick' : 'full',
	machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
	cpus: cpus().length,
	load: `${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end (1-minute load average; above the CPU count, other processes competed for the cores)`,
	versions: {
		node: process.versions.node,
		chromium: execFileSync(CHROMIUM, ['--version'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim(),
		'duckdb-wasm': pkg('@duckdb/duckdb-wasm'),
		'@duckdb/node-api': pkg('@duckdb/node-api'),
		arquero: pkg('arquero')
	},
	seconds: (performance.now() - started) / 1000
};
const text = textReport(info, results);
console.log('\n' + text);
mkdirSync(values.out, { recursive: true });
const stamp = info.date.replace(/[:.]/g, '-');
const json = JSON.stringify({ info, results }, null, 2);
writeFileSync(join(values.out, `bench-${info.mode}-${stamp}.json`), json);
writeFileSync(join(values.out, `bench-${info.mode}-${stamp}.md`), markdownReport(info, results));
for (const ext of ['json', 'md'] as const)
	copyFileSync(
		join(values.out, `bench-${info.mode}-${stamp}.${ext}`),
		join(values.out, `latest-${info.mode}.${ext}`)
	);
log(`wrote ${join(values.out, `latest-${info.mode}.{json,md}`)}`);
const gaps = results.flatMap((r) => r.figures.filter((f) => f.value === null));
if (values.strict && gaps.length) {
	console.error(`--strict: ${gaps.length} figures missing`);
	process.exit(1);
}
