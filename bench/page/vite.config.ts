import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const src = (p: string) => fileURLToPath(new URL(`../../src/${p}`, import.meta.url));

/** The bench page's own build (bench/results/page), apart from the app's: no bench code ships in build/. */
export default defineConfig({
	root: fileURLToPath(new URL('.', import.meta.url)),
	resolve: { alias: { $lib: src('lib') } },
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	logLevel: 'warn',
	build: {
		outDir: fileURLToPath(new URL('../results/page', import.meta.url)),
		emptyOutDir: true,
		target: 'es2022',
		chunkSizeWarningLimit: 4000,
		assetsInlineLimit: 0
	}
});
