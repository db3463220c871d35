import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const src = (p: string) => fileURLToPath(new URL(`../../src/${p}`, import.meta.url));

/**
 * The bench pages' own build (bench/results/page), apart from the app's: no bench
 * code ships in build/. index.html: DuckDB-WASM next to Arquero; mosaic.html: the
 * dashboard's panels in Mosaic's vgplot. The companion tables of data/ are copied
 * to the page's root (/actors.csv, …) so the Mosaic peer loads them as the app does.
 */
export default defineConfig({
	root: here('.'),
	publicDir: here('../../data'),
	resolve: { alias: { $lib: src('lib') } },
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	logLevel: 'warn',
	build: {
		outDir: here('../results/page'),
		emptyOutDir: true,
		target: 'es2022',
		chunkSizeWarningLimit: 4000,
		assetsInlineLimit: 0,
		rollupOptions: { input: { index: here('index.html'), mosaic: here('mosaic.html') } }
	}
});
