import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launch } from '../lib/browser';
import { measured, type Figure } from '../lib/figures';
import { waitForEngine } from '../lib/engine-ready';
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
		'Page / in a fresh profile, until the engine is ready plus 1 s: every distinct same-origin URL requested (page and workers), ' +
		'mapped to its build/ file. raw = bytes on disk (what the local server sends; it does not compress); gzip -9 and brotli -9 = what a host ' +
		'that compresses would send. KB = 1000 bytes.',
	async run(ctx) {
		const s = await launch(new URL(ctx.appUrl).origin);
		try {
			await s.page.goto(ctx.appUrl + '/');
			await waitForEngine(s.page);
			await s.page.waitForTimeout(1000);
		} finally {
			await s.close();
		}
		const files = [...new Set(s.requests.map((u) => fileFor(ctx.buildDir, u)))].filter(
			(f): f is string => f !== null
		);
		const totals = new Map<string, { files: number; raw: number; gzip: number; brotli: number }>();
		const add = (kind: string, raw: number, gzip: number, brotli: number) => {
			const t = totals.get(kind) ?? { files: 0, raw: 0, gzip: 0, brotli: 0 };
			totals.set(kind, {
				files: t.files + 1,
				raw: t.raw + raw,
				gzip: t.gzip + gzip,
				brotli: t.brotli + brotli
			});
		};
		for (const file of files) {
			const bytes = readFileSync(file);
			const gzip = gzipSync(bytes, { level: 9 }).length;
			const brotli = brotliCompressSync(bytes, {
				params: { [constants.BROTLI_PARAM_QUALITY]: 9 }
			}).length;
			const kind = KIND[extname(file)] ?? 'other';
			add(kind, bytes.length, gzip, brotli);
			add('total', bytes.length, gzip, brotli);
		}
		const figures: Figure[] = [];
		for (const [kind, t] of [...totals].sort(([a], [b]) =>
			a === 'total' ? 1 : b === 'total' ? -1 : a.localeCompare(b)
		)) {
			figures.push(
				measured(kind, 'files', 'count', t.files),
				measured(kind, 'raw', 'KB', t.raw / 1000),
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
				...(unmatched.length ? [`requests with no build/ file: ${unmatched.join(', ')}`] : [])
			]
		};
	}
};
