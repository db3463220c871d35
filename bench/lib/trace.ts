import type { Page } from 'playwright-core';

/**
 * Where the time of one action goes, from a Chromium trace and a V8 CPU
 * profile taken together over it (CDP Tracing + Profiler on the page):
 * - `threads`: busy ms (sum of top-level tasks) per thread: the page's main
 *   thread and each worker (DuckDB's worker among them);
 * - `main`: ms per kind of main-thread work (script, style, layout, paint…),
 *   each the sum of that trace event's durations (nested scripts counted once);
 * - `functions`: the main thread's heaviest functions by self time (ms), as
 *   `name (file:line)`, from the CPU profile.
 * The trace costs time itself: figures from a traced action are not the
 * benchmark's figures, only their proportions are meaningful.
 */
export interface Trace {
	ms: number;
	threads: Record<string, number>;
	main: Record<string, number>;
	functions: { fn: string; ms: number }[];
}

interface TraceEvent {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	args?: { name?: string };
}

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Main-thread trace events counted per kind (the top-level ones of each kind). */
const KINDS: Record<string, string> = {
	FunctionCall: 'script',
	EvaluateScript: 'script',
	RunMicrotasks: 'script',
	TimerFire: 'script',
	FireAnimationFrame: 'script',
	EventDispatch: 'script',
	UpdateLayoutTree: 'style',
	Layout: 'layout',
	PrePaint: 'paint',
	Paint: 'paint',
	Layerize: 'paint',
	Commit: 'paint',
	MinorGC: 'gc',
	MajorGC: 'gc'
};

const CATEGORIES = ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline'].join(',');

/** Run `action` under a trace and a CPU profile; `action` resolves with the ms it measured itself. */
export async function traced(page: Page, action: () => Promise<number>): Promise<Trace> {
	const cdp = await page.context().newCDPSession(page);
	const events: TraceEvent[] = [];
	cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
	const complete = new Promise<void>((resolve) =>
		cdp.once('Tracing.tracingComplete', () => resolve())
	);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
	await cdp.send('Profiler.start');
	const ms = await action();
	const { profile } = await cdp.send('Profiler.stop');
	await cdp.send('Tracing.end');
	await complete;
	await cdp.detach();
	return { ms, ...threadsAndKinds(events), functions: heaviest(profile) };
}

function threadsAndKinds(events: TraceEvent[]) {
	const names = new Map<string, string>();
	for (const e of events)
		if (e.ph === 'M' && e.name === 'thread_name')
			names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
	const threads: Record<string, number> = {};
	const main: Record<string, number> = {};
	const mainKey = [...names].find(([, n]) => n === 'CrRendererMain')?.[0];
	// Nested events of one kind (a FunctionCall inside a FunctionCall) are counted once.
	const open: Record<string, number> = {};
	const sorted = events
		.filter((e) => e.ph === 'X' && e.dur !== undefined)
		.sort((a, b) => a.ts - b.ts);
	for (const e of sorted) {
		const key = `${e.pid}:${e.tid}`;
		const name = names.get(key) ?? key;
		if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
			threads[name] = (threads[name] ?? 0) + e.dur! / 1000;
		const kind = KINDS[e.name];
		if (key !== mainKey || !kind) continue;
		if ((open[kind] ?? 0) > e.ts) continue;
		open[kind] = e.ts + e.dur!;
		main[kind] = (main[kind] ?? 0) + e.dur! / 1000;
	}
	return { threads, main };
}

function heaviest(profile: {
	nodes: ProfileNode[];
	samples?: number[];
	timeDeltas?: number[];
}): Trace['functions'] {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<string, number>();
	(profile.samples ?? []).forEach((id, i) => {
		const f = byId.get(id)!.callFrame;
		const file = f.url.split('/').pop() || '';
		const fn = `${f.functionName || '(anonymous)'}${file ? ` (${file}:${f.lineNumber + 1})` : ''}`;
		self.set(fn, (self.get(fn) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
	});
	return [...self]
		.filter(([fn]) => fn !== '(idle)')
		.sort((a, b) => b[1] - a[1])
		.slice(0, 12)
		.map(([fn, ms]) => ({ fn, ms }));
}

/** One line per part, for the report's notes. */
export function traceLines(label: string, t: Trace): string[] {
	const r = (o: Record<string, number>) =>
		Object.entries(o)
			.sort((a, b) => b[1] - a[1])
			.map(([k, v]) => `${k} ${v.toFixed(0)}`)
			.join(', ');
	return [
		`${label}: traced click ${t.ms.toFixed(0)} ms; busy ms per thread: ${r(t.threads)}`,
		`${label}: main thread ms by kind: ${r(t.main)}`,
		`${label}: heaviest main-thread functions (self ms): ${t.functions.map((f) => `${f.fn} ${f.ms.toFixed(0)}`).join('; ')}`
	];
}
