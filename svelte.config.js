import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** The app's own origin and nothing else. The same policy is written to
 * build/_headers by scripts/write-headers.js, because a <meta> policy does
 * not reach workers. */
const csp = {
	'default-src': ['self'],
	// DuckDB compiles its WebAssembly module at run time.
	'script-src': ['self', 'wasm-unsafe-eval'],
	// Plot and CodeMirror insert <style> elements and style attributes.
	'style-src': ['self', 'unsafe-inline'],
	// Downloads and chart PNG export use blob: and data: URLs.
	'img-src': ['self', 'data:', 'blob:'],
	'worker-src': ['self', 'blob:'],
	// fetch and XHR reach the app's own files only (the service worker's included).
	'connect-src': ['self'],
	'font-src': ['self'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self']
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ fallback: '200.html', strict: true }),
		csp: { mode: 'hash', directives: /** @type {any} */ (csp) },
		prerender: {
			handleHttpError: 'fail',
			// The Arabic pages (also reached through the language switch on every page).
			entries: ['*', '/ar/', '/ar/sql/', '/ar/data/', '/ar/data/codebook/', '/ar/brief/']
		},
		// src/service-worker.ts is registered by UpdateNotice.svelte once the engine has started
		// (so that caching the build does not compete with the first visit's own downloads).
		serviceWorker: { register: false },
		typescript: {
			config: (c) => {
				c.include.push(
					'../tests/**/*.ts',
					'../tests/**/*.js',
					'../scripts/**/*.ts',
					'../scripts/**/*.js',
					'../bench/**/*.ts'
				);
			}
		}
	}
};

export default config;
