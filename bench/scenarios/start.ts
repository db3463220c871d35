import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { freshProfile, launch } from '../lib/browser';
import type { BenchContext } from '../lib/context';
import { measured, missing, type Figure } from '../lib/figures';
import { median } from '../lib/stats';
import { ENGINE_READY_MARK } from '../lib/engine-ready';
import type { Scenario } from './types';

/**
 * The first chart: a Plot svg inside a `[data-chart]` section of main (the
 * dashboard's ChartFrame), or, until the dashboard lands, any svg in main.
 */
export const CHART = 'main [data-chart] svg, main svg';

/**
 * Runs in the page before any of its scripts: records, on the page's own
 * clock (ms since navigation start), the frame after the first chart was
 * inserted and when the boot banner `[data-boot]` went away.
 */
const RECORDER = `(() => {
	const m = (window.__raqibStart = { chart: null, bootSeen: false, bootGone: null });
	const check = () => {
		if (m.chart === null && m.pending !== true && document.querySelector(${JSON.stringify(CHART)})) {
			m.pending = true;
			requestAnimationFrame(() => (m.chart = performance.now()));
		}
		if (document.querySelector('[data-boot]')) m.bootSeen = true;
		else if (m.bootSeen && m.bootGone === null) m.bootGone = performance.now();
	};
	new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

interface Visit {
	chart: number | null;
	ready: number | null;
	problems: string[];
}

async function readMarks(page: Page, mark: string) {
	return page.evaluate((name) => {
		const m = (
			window as unknown as { __raqibStart: { chart: number | null; bootGone: number | null } }
		).__raqibStart;
		const entry = performance.getEntriesByName(name, 'mark')[0];
		return { chart: m.chart, ready: entry ? entry.startTime : m.bootGone };
	}, mark);
}

/** One visit: navigate, wait until the engine is ready, give a chart 3 s more to show. */
export async function visit(ctx: BenchContext, profile: string): Promise<Visit> {
	const s = await launch(new URL(ctx.appUrl).origin, { profile });
	try {
		await s.context.addInitScript(RECORDER);
		await s.page.goto(ctx.appUrl + '/');
		await s.page.waitForFunction(
			(name) =>
				performance.getEntriesByName(name, 'mark').length > 0 ||
				(window as unknown as { __raqibStart: { bootGone: number | null } }).__raqibStart
					.bootGone !== null,
			ENGINE_READY_MARK,
			{ timeout: 90_000 }
		);
		await s.page
			.waitForFunction(
				() =>
					(window as unknown as { __raqibStart: { chart: number | null } }).__raqibStart.chart !==
					null,
				undefined,
				{ timeout: 3_000 }
			)
			.catch(() => {});
		return { ...(await readMarks(s.page, ENGINE_READY_MARK)), problems: s.problems };
	} finally {
		await s.close();
	}
}

function summarise(row: string, visits: Visit[]): Figure[] {
	const figure = (col: string, pick: (v: Visit) => number | null, why: string) => {
		const values = visits.map(pick).filter((v): v is number => v !== null);
		return values.length === visits.length
			? measured(row, col, 'ms', median(values), { n: values.length })
			: missing(row, col, 'ms', why);
	};
	return [
		figure(
			'first chart',
			(v) => v.chart,
			`no chart (${CHART}) appeared: the dashboard has no chart yet`
		),
		figure('engine ready', (v) => v.ready, 'the engine never became ready')
	];
}

export const startScenario: Scenario = {
	id: 'start',
	title: 'Cold and warm start',
	contract:
		`Page /. Cold: a fresh Chromium profile per run; warm: the same profile visited again after the browser was closed (HTTP cache and compiled-code cache filled). ` +
		`Times are ms from navigation start on the page's clock: "first chart" = the animation frame after the first \`${CHART}\` was inserted; ` +
		`"engine ready" = the performance mark \`${ENGINE_READY_MARK}\` (fallback: the boot banner [data-boot] leaves the DOM). Median of the runs.`,
	async run(ctx) {
		const cold: Visit[] = [];
		const warm: Visit[] = [];
		for (let i = 0; i < ctx.startRuns; i++) {
			const profile = freshProfile();
			try {
				cold.push(await visit(ctx, profile));
				warm.push(await visit(ctx, profile));
			} finally {
				rmSync(profile, { recursive: true, force: true });
			}
			ctx.log(
				`start run ${i + 1}/${ctx.startRuns}: cold ${fmt(cold.at(-1)!)}, warm ${fmt(warm.at(-1)!)}`
			);
		}
		const problems = [...new Set([...cold, ...warm].flatMap((v) => v.problems))];
		return {
			figures: [
				...summarise('cold (fresh profile)', cold),
				...summarise('warm (second visit)', warm)
			],
			notes: problems.map((p) => `problem during start runs: ${p}`)
		};
	}
};

const fmt = (v: Visit) =>
	`ready ${v.ready?.toFixed(0) ?? '—'} ms, chart ${v.chart?.toFixed(0) ?? '—'} ms`;
