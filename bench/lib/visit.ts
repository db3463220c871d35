import type { Request } from 'playwright-core';
import { launch } from './browser';
import { ENGINE_READY_MARK, waitForOfflineCopy } from './engine-ready';

/**
 * One visit of `/` in Chromium on a given profile, with what the start-up
 * breakdown needs: when the first chart showed, the engine's phase marks
 * (src/lib/db/wasm.ts, src/lib/state/engine.svelte.ts), and when the engine's
 * .wasm was requested and fully received, all in ms since navigation start on
 * the page's own clock.
 */

/** The first chart: a Plot svg inside a `[data-chart]` section of main (the dashboard's ChartFrame). */
export const CHART = 'main [data-chart] svg, main svg';

/** The marks the app sets while its engine starts, in order; the last is "engine ready". */
export const PHASES = [
	'raqib:engine-start',
	'raqib:engine-instantiated',
	'raqib:engine-open',
	ENGINE_READY_MARK
] as const;

/**
 * Network emulation through the Chrome DevTools Protocol
 * (Network.emulateNetworkConditions): throughput in bytes/s, latency in ms
 * added to each request.
 */
export interface NetworkProfile {
	name: string;
	latency: number;
	downloadThroughput: number;
	uploadThroughput: number;
}

/** 10 Mbit/s down, 5 Mbit/s up, 100 ms round trip: a fair mobile or field connection. */
export const THROTTLED: NetworkProfile = {
	name: '10 Mbit/s, 100 ms RTT',
	latency: 100,
	downloadThroughput: 10e6 / 8,
	uploadThroughput: 5e6 / 8
};

/**
 * Runs in the page before any of its scripts: records, on the page's own
 * clock, the frame after the first chart was in the DOM (the prerendered one
 * is there at the first paint).
 */
const RECORDER = `(() => {
	const m = (window.__raqibStart = { chart: null });
	let pending = false;
	const check = () => {
		if (m.chart === null && !pending && document.querySelector(${JSON.stringify(CHART)})) {
			pending = true;
			requestAnimationFrame(() => (m.chart = performance.now()));
		}
	};
	new MutationObserver(check).observe(document, { childList: true, subtree: true });
	document.addEventListener('DOMContentLoaded', check);
})();`;

export interface Visit {
	chart: number | null;
	/** Each of PHASES: ms since navigation start, or null if not set. */
	marks: Record<string, number | null>;
	/** The engine's .wasm: request sent and body received (page clock), and who answered. */
	wasm: { start: number; end: number; from: 'network' | 'http cache' | 'service worker' } | null;
	problems: string[];
}

async function wasmTiming(req: Request, timeOrigin: number): Promise<Visit['wasm']> {
	const response = await req.response();
	const t = req.timing();
	const from = response?.fromServiceWorker()
		? 'service worker'
		: (await req.sizes()).responseBodySize === 0
			? 'http cache'
			: 'network';
	return { start: t.startTime - timeOrigin, end: t.startTime + t.responseEnd - timeOrigin, from };
}

/**
 * Navigate to `/` and wait until the engine is ready (and, with
 * `waitOffline`, until the service worker controls the page: its offline copy
 * is complete, so that the next visit can use it).
 */
export async function visit(
	appUrl: string,
	profile: string,
	options: { network?: NetworkProfile; waitOffline?: boolean } = {}
): Promise<Visit> {
	const s = await launch(new URL(appUrl).origin, { profile, block: false });
	try {
		await s.context.addInitScript(RECORDER);
		if (options.network) {
			const cdp = await s.context.newCDPSession(s.page);
			await cdp.send('Network.enable');
			await cdp.send('Network.emulateNetworkConditions', { offline: false, ...options.network });
		}
		let wasm: Request | null = null;
		s.context.on('requestfinished', (req) => {
			if (wasm === null && new URL(req.url()).pathname.endsWith('.wasm')) wasm = req;
		});
		await s.page.goto(appUrl + '/');
		await s.page.waitForFunction(
			(name) => performance.getEntriesByName(name, 'mark').length > 0,
			ENGINE_READY_MARK,
			{ timeout: 180_000 }
		);
		// The prerendered chart is in the first paint: its frame has long passed by now.
		await s.page
			.waitForFunction(
				() => (window as unknown as { __raqibStart: { chart: number | null } }).__raqibStart.chart,
				undefined,
				{ timeout: 10_000 }
			)
			.catch(() => {});
		// (No named functions inside: tsx would wrap them in a helper the page does not have.)
		const page = await s.page.evaluate(
			(phases) => ({
				chart: (window as unknown as { __raqibStart: { chart: number | null } }).__raqibStart.chart,
				marks: Object.fromEntries(
					phases.map((p) => [p, performance.getEntriesByName(p, 'mark')[0]?.startTime ?? null])
				),
				timeOrigin: performance.timeOrigin
			}),
			PHASES as unknown as string[]
		);
		const found = wasm as Request | null;
		const timing = found ? await wasmTiming(found, page.timeOrigin) : null;
		if (options.waitOffline) await waitForOfflineCopy(s.page);
		return { chart: page.chart, marks: page.marks, wasm: timing, problems: s.problems };
	} finally {
		await s.close();
	}
}
