import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freshProfile, launch } from './browser';

/**
 * Does Chromium's compiled-code cache reach the engine's .wasm? Compiles the
 * module with WebAssembly.compileStreaming in three browser sessions on one
 * profile (browser closed in between) and times each, two ways: straight
 * from fetch() (a stable, immutable, application/wasm URL: what the cache
 * needs), and from a Response rebuilt around the body stream, as duckdb-wasm
 * does to report download progress. The page is the app's manifest (same
 * origin and headers; it runs no app code, so nothing else compiles).
 */
export async function probeCodeCache(
	appUrl: string,
	buildDir: string,
	sessions = 3
): Promise<{ direct: number[]; wrapped: number[]; url: string }> {
	const assets = join(buildDir, '_app/immutable/assets');
	const file = readdirSync(assets).find((f) => /^duckdb-eh\..*\.wasm$/.test(f));
	if (!file) throw new Error(`no duckdb-eh .wasm in ${assets}`);
	const url = `/_app/immutable/assets/${file}`;
	const result = { direct: [] as number[], wrapped: [] as number[], url };
	for (const wrap of [false, true]) {
		const profile = freshProfile();
		for (let i = 0; i < sessions; i++) {
			const s = await launch(new URL(appUrl).origin, { profile, block: false });
			try {
				await s.page.goto(appUrl + '/manifest.webmanifest');
				const ms = await s.page.evaluate(
					async ({ url, wrap }) => {
						const t0 = performance.now();
						const response = await fetch(url);
						const source = wrap
							? new Response(response.body, { headers: response.headers })
							: response;
						await WebAssembly.compileStreaming(source);
						const t = performance.now() - t0;
						// Chromium writes the cache after compiling, off the main thread: give it time.
						await new Promise((r) => setTimeout(r, 5000));
						return t;
					},
					{ url, wrap }
				);
				(wrap ? result.wrapped : result.direct).push(ms);
			} finally {
				await s.close();
			}
		}
		rmSync(profile, { recursive: true, force: true });
	}
	return result;
}
