import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

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
