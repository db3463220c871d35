/**
 * What the service worker (src/service-worker.ts) keeps for offline use, and
 * which cached file answers a request. Pure functions, so they are unit-tested
 * without a browser.
 */

/** The lists SvelteKit gives a service worker (`$service-worker`), all URL paths with the base. */
export interface BuildFiles {
	base: string;
	/** Vite's output: the app's code, styles, the engine (.wasm and workers) and the shipped data. */
	build: readonly string[];
	/** static/: icons, the manifest. */
	files: readonly string[];
	/** Prerendered pages and their __data.json. */
	prerendered: readonly string[];
}

/** The adapter's fallback page (svelte.config.js), for any path that is not a prerendered page. */
export const FALLBACK = '200.html';

/** Files of the DuckDB bundle a browser does not use: `eh` (exceptions) or `mvp` (without). */
const BUNDLE = /duckdb-(?:browser-)?(eh|mvp|coi)[.-]/;

/**
 * The URLs to precache: everything the app can need with no network, without
 * the DuckDB bundle this browser will not select (each .wasm is 34–39 MB) and
 * without the precompressed copies a server keeps beside the files.
 *
 * @param withExceptions whether this browser validates WebAssembly exception
 *   handling, as duckdb-wasm's selectBundle tests it (then it runs `eh`).
 */
export function precacheList(f: BuildFiles, withExceptions: boolean): string[] {
	const used = withExceptions ? 'eh' : 'mvp';
	const keep = (url: string) => {
		if (/\.(br|gz|map)$/.test(url)) return false;
		const bundle = BUNDLE.exec(url)?.[1];
		return bundle === undefined || bundle === used;
	};
	const all = [...f.build, ...f.files, ...f.prerendered, `${f.base}/${FALLBACK}`];
	return [...new Set(all)].filter(keep);
}

/**
 * The cached URL that answers a page navigation to `pathname`: the prerendered
 * page itself (`/sql` and `/sql/` are both `/sql/`), else the fallback page,
 * which renders any other route in the browser. Query strings (the dashboard's
 * filters) do not matter: the page reads them after it starts.
 */
export function pageFor(pathname: string, f: Pick<BuildFiles, 'base' | 'prerendered'>): string {
	const pages = new Set(f.prerendered);
	const slashed = pathname.endsWith('/') ? pathname : `${pathname}/`;
	for (const candidate of [pathname, slashed]) if (pages.has(candidate)) return candidate;
	return `${f.base}/${FALLBACK}`;
}

/**
 * A tiny WebAssembly module whose only function has a `try` block: it
 * validates exactly when the engine supports the exception-handling proposal
 * that DuckDB's `eh` build needs (the same question duckdb-wasm asks before
 * choosing a bundle).
 */
// prettier-ignore
export const EXCEPTIONS_PROBE = new Uint8Array([
	0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
	0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: one type, () -> ()
	0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
	0x0a, 0x07, 0x01, 0x05, 0x00, 0x06, 0x40, 0x0b, 0x0b // code: no locals, try (void) end, end
]);
