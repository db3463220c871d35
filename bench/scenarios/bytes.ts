import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launch } from '../lib/browser';
import { measured, type Figure } from '../lib/figures';
import { waitForEngine, waitForOfflineCopy } from '../lib/engine-ready';
import type { Scenario } from './types';

/** The build/ file a same-origin URL is served from (as sirv resolves it), if any. */
function fileFor(buildDir: string, url: string): string | null {
	const path = decodeURIComponent(new URL(url).pathname);
	for (const candidate of [path, `${path}.html`, join(path, 'index.html')]) {
		const file = join(buildDir, candidate);
		if (existsSync(file) && statSync(file).isFile()) return file;
	}
	return null;
}

const KIND: Record<string, string> = {
	'.wasm': 'wasm',
	'.js': 'js',
	'.css': 'css',
	'.html': 'html',
	'.csv': 'data (csv)',
	'.json': 'json'
};

export const bytesScenario: Scenario = {
	id: 'bytes',
	title: 'What a first visit downloads',
	contract:
		'Page / in a fresh profile, until the engine is ready and the service worker controls the page (its offline copy is complete), plus 1 s: every distinct same-origin URL requested (page and workers), ' +
		"mapped to its build/ file. raw = bytes on disk; served (.br) = the build's .br copy of each file (raw where there is none), which npm start sends a browser that accepts brotli, once per file; sent = response bodies as the server sent them (npm start serves the build's " +
		'precompressed .br copies; Playwright request sizes, so requests served from the HTTP cache or fetched twice show here; requests of the service worker may be under-counted); ' +
		'gzip -9 and brotli -9 = the files compressed here, for comparison. KB = 1000 bytes.',
	async run(ctx) {
		// Not intercepted: interception would turn the HTTP cache off, which the service worker's
		// install reads the hashed files from.
		const s = await launch(new URL(ctx.appUrl).origin, { block: false });
		/** Body bytes on the wire per URL, summed over every time it was fetched; and how often. */
		const sent = new Map<string, { bytes: number; times: number }>();
		const pending: Promise<void>[] = [];
		const late: string[] = [];
		s.context.on('requestfinished', (req) => {
			pending.push(
				req
					.sizes()
					.then((size) => {
						const t = sent.get(req.url()) ?? { bytes: 0, times: 0 };
						sent.set(req.url(), { bytes: t.bytes + size.responseBodySize, times: t.times + 1 });
					})
					// A request the browser dropped while closing: noted, not counted.
					.catch(() => void late.push(req.url()))
			);
		});
		try {
			await s.page.goto(ctx.appUrl + '/');
			await waitForEngine(s.page);
			// The service worker's copy for offline use is part of a first visit: wait until it
			// controls the page (it activates once its precache is complete).
			await waitForOfflineCopy(s.page);
			await s.page.waitForTimeout(1000);
			await Promise.all(pending);
		} finally {
			await s.close();
		}
		const files = [...new Set(s.requests.map((u) => fileFor(ctx.buildDir, u)))].filter(
			(f): f is string => f !== null
		);
		type Total = {
			files: number;
			raw: number;
			served: number;
			sent: number;
			gzip: number;
			brotli: number;
		};
		const totals = new Map<string, Total>();
		const add = (
			kind: string,
			raw: number,
			served: number,
			wire: number,
			gzip: number,
			brotli: number
		) => {
			const t = totals.get(kind) ?? { files: 0, raw: 0, served: 0, sent: 0, gzip: 0, brotli: 0 };
			totals.set(kind, {
				files: t.files + 1,
				raw: t.raw + raw,
				served: t.served + served,
				sent: t.sent + wire,
				gzip: t.gzip + gzip,
				brotli: t.brotli + brotli
			});
		};
		const wireOf = (file: string) =>
			[...sent]
				.filter(([url]) => fileFor(ctx.buildDir, url) === file)
				.reduce((sum, [, v]) => sum + v.bytes, 0);
		const twice = [...sent].filter(([, v]) => v.times > 1).map(([url]) => url);
		for (const file of files) {
			const bytes = readFileSync(file);
			const gzip = gzipSync(bytes, { level: 9 }).length;
			const brotli = brotliCompressSync(bytes, {
				params: { [constants.BROTLI_PARAM_QUALITY]: 9 }
			}).length;
			const kind = KIND[extname(file)] ?? 'other';
			const wire = wireOf(file);
			// What the server sends a browser that accepts brotli: the build's .br copy when there is one.
			const served = existsSync(`${file}.br`) ? statSync(`${file}.br`).size : bytes.length;
			add(kind, bytes.length, served, wire, gzip, brotli);
			add('total', bytes.length, served, wire, gzip, brotli);
		}
		const figures: Figure[] = [];
		for (const [kind, t] of [...totals].sort(([a], [b]) =>
			a === 'total' ? 1 : b === 'total' ? -1 : a.localeCompare(b)
		)) {
			figures.push(
				measured(kind, 'files', 'count', t.files),
				measured(kind, 'raw', 'KB', t.raw / 1000),
				measured(kind, 'served (.br)', 'KB', t.served / 1000),
				measured(kind, 'sent', 'KB', t.sent / 1000),
				measured(kind, 'gzip', 'KB', t.gzip / 1000),
				measured(kind, 'brotli', 'KB', t.brotli / 1000)
			);
		}
		const unmatched = s.requests.filter(
			(u) => u.startsWith(ctx.appUrl) && !fileFor(ctx.buildDir, u)
		);
		return {
			figures,
			notes: [
				...s.problems,
				...(unmatched.length ? [`requests with no build/ file: ${unmatched.join(', ')}`] : []),
				...(twice.length ? [`fetched more than once: ${twice.join(', ')}`] : []),
				...(late.length ? [`no size (browser closing): ${late.join(', ')}`] : [])
			]
		};
	}
};
