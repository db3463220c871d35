import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { shippedSummary } from './src/lib/server/shipped.ts';

export default defineConfig({
	plugins: [
		// UI messages (src/lib/i18n/messages) compiled to typed functions; the language comes from
		// the URL only (/ar/... is Arabic), see src/lib/i18n/locale.ts.
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['url', 'baseLocale']
		}),
		sveltekit()
	],
	// What the shell says about the shipped data before the engine is up, read once per build. A
	// constant rather than a server load, so that a page with no route (the not-found page, served
	// from the fallback 200.html) has it too without asking the server for data it cannot have.
	define: { __SHIPPED__: JSON.stringify(shippedSummary()) },
	// duckdb-wasm ships its own workers and wasm; pre-bundling would break their URLs.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	worker: { format: 'es' },
	build: {
		target: 'es2022',
		chunkSizeWarningLimit: 2000,
		// Data files stay files: fetched (and cached) from the app's own origin, never inlined as data: URLs.
		assetsInlineLimit: (file) => (file.endsWith('.csv') ? false : undefined)
	},
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000
	}
});
