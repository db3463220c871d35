import { rmSync } from 'node:fs';
import { freshProfile } from '../lib/browser';
import type { BenchContext } from '../lib/context';
import { ENGINE_READY_MARK } from '../lib/engine-ready';
import { measured, missing, type Figure } from '../lib/figures';
import { median, p95 } from '../lib/stats';
import { probeCodeCache } from '../lib/code-cache';
import { CHART, PHASES, THROTTLED, visit, type NetworkProfile, type Visit } from '../lib/visit';
import type { Scenario } from './types';

/** A figure's value in one visit, or null when the visit did not produce it. */
type Pick = (v: Visit) => number | null;

const mark =
	(name: string): Pick =>
	(v) =>
		v.marks[name] ?? null;
const between =
	(from: Pick, to: Pick): Pick =>
	(v) => {
		const a = from(v);
		const b = to(v);
		return a === null || b === null ? null : b - a;
	};

/** The rows of the start-up breakdown: each phase of the engine's start, from its marks. */
const BREAKDOWN: [string, Pick][] = [
	['until engine start', mark(PHASES[0])],
	['.wasm received', (v) => v.wasm?.end ?? null],
	['download+compile', between(mark(PHASES[0]), mark(PHASES[1]))],
	['compile after last byte', between((v) => v.wasm?.end ?? null, mark(PHASES[1]))],
	['open+lock down', between(mark(PHASES[1]), mark(PHASES[2]))],
	['load tables', between(mark(PHASES[2]), mark(PHASES[3]))]
];

function figures(table: string, row: string, visits: Visit[], picks: [string, Pick][]): Figure[] {
	return picks.map(([col, pick]) => {
		const values = visits.map(pick).filter((v): v is number => v !== null);
		return values.length === visits.length
			? measured(row, col, 'ms', median(values), { table, p95: p95(values), n: values.length })
			: {
					...missing(row, col, 'ms', `measured in ${values.length} of ${visits.length} visits`),
					table
				};
	});
}

/** Cold then warm visits on fresh profiles, `runs` times, under one network profile. */
async function series(ctx: BenchContext, runs: number, network?: NetworkProfile) {
	const cold: Visit[] = [];
	const warm: Visit[] = [];
	for (let i = 0; i < runs; i++) {
		const profile = freshProfile();
		try {
			cold.push(await visit(ctx.appUrl, profile, { network, waitOffline: true }));
			warm.push(await visit(ctx.appUrl, profile, { network }));
		} finally {
			rmSync(profile, { recursive: true, force: true });
		}
		ctx.log(
			`start ${network?.name ?? 'local'} ${i + 1}/${runs}: cold ${fmt(cold.at(-1)!)}; warm ${fmt(warm.at(-1)!)}`
		);
	}
	return { cold, warm };
}

export const startScenario: Scenario = {
	id: 'start',
	title: 'Cold and warm start',
	contract:
		`Page /. Cold: a fresh Chromium profile; the visit lasts until the engine is ready and the service worker controls the page (its offline copy is complete). ` +
		`Warm: the same profile after the browser was closed (HTTP cache, service worker cache, compiled-code cache as the browser left them). ` +
		`Locally (no emulation) and throttled (CDP Network.emulateNetworkConditions, ${THROTTLED.name}). ` +
		`Times are ms from navigation start on the page's clock: "first chart" = the animation frame after the first \`${CHART}\` was in the DOM; ` +
		`"engine ready" = the mark \`${ENGINE_READY_MARK}\`, set once the shipped tables are loaded and the dashboard answers filters. ` +
		`Breakdown: the app's marks ${PHASES.join(', ')} and the .wasm request's timing (Playwright, converted to the page clock). Median and p95 over the runs. ` +
		`Breakdown columns: until engine start = navigation → \`${PHASES[0]}\` (HTML, scripts, hydration); .wasm received = navigation → the engine's .wasm body fully received; ` +
		`download+compile = engine start → \`${PHASES[1]}\` (duckdb-wasm's instantiate: fetch, compile, instantiate); compile after last byte = .wasm received → instantiated; ` +
		`open+lock down = instantiated → \`${PHASES[2]}\`; load tables = open → engine ready. ` +
		`Code cache probe: see bench/lib/code-cache.ts.`,
	async run(ctx) {
		const local = await series(ctx, ctx.startRuns);
		const slow = await series(ctx, ctx.startRuns, THROTTLED);
		// Six browser sessions of 5 s and more: not in --quick (which checks the code paths above).
		const probe = ctx.quick ? null : await probeCodeCache(ctx.appUrl, ctx.buildDir, 3);
		if (probe)
			ctx.log(`code cache probe: direct ${probe.direct.map(ms)}; wrapped ${probe.wrapped.map(ms)}`);
		const table = `code cache probe: WebAssembly.compileStreaming of the engine's .wasm, one profile, browser restarted between sessions`;
		const probeFigures = (row: string, times: number[] | undefined) =>
			times
				? times.map((t, i) => ({ ...measured(row, `session ${i + 1}`, 'ms', t), table }))
				: [
						{
							...missing(row, 'session 1', 'ms', 'not run: --quick skips the code cache probe'),
							table
						}
					];
		const headline: [string, Pick][] = [
			['first chart', (v) => v.chart],
			['engine ready', mark(ENGINE_READY_MARK)]
		];
		const all = [local.cold, local.warm, slow.cold, slow.warm].flat();
		const sources = (visits: Visit[]) =>
			[...new Set(visits.map((v) => v.wasm?.from ?? 'not seen'))].join(', ');
		return {
			figures: [
				...figures('start', 'local, cold', local.cold, headline),
				...figures('start', 'local, warm', local.warm, headline),
				...figures('start', `${THROTTLED.name}, cold`, slow.cold, headline),
				...figures('start', `${THROTTLED.name}, warm (service worker)`, slow.warm, headline),
				...figures('breakdown', 'local, cold', local.cold, BREAKDOWN),
				...figures('breakdown', 'local, warm', local.warm, BREAKDOWN),
				...figures('breakdown', `${THROTTLED.name}, cold`, slow.cold, BREAKDOWN),
				...figures('breakdown', `${THROTTLED.name}, warm`, slow.warm, BREAKDOWN),
				...probeFigures('fetch() response', probe?.direct),
				...probeFigures('Response rebuilt around the body (as duckdb-wasm does)', probe?.wrapped)
			],
			notes: [
				`.wasm answered by: local cold ${sources(local.cold)}; local warm ${sources(local.warm)}; throttled cold ${sources(slow.cold)}; throttled warm ${sources(slow.warm)}`,
				...[...new Set(all.flatMap((v) => v.problems))].map(
					(p) => `problem during start runs: ${p}`
				)
			]
		};
	}
};

const fmt = (v: Visit) =>
	`ready ${v.marks[ENGINE_READY_MARK]?.toFixed(0) ?? '—'} ms, chart ${v.chart?.toFixed(0) ?? '—'} ms, wasm ${v.wasm ? `${v.wasm.end.toFixed(0)} ms (${v.wasm.from})` : '—'}`;

const ms = (t: number) => `${t.toFixed(0)} ms`;
