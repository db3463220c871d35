import type { DuckDBBundles } from '@duckdb/duckdb-wasm';
// Vite copies these into the build with hashed names: the engine is served
// from the app's own origin, never from a CDN.
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

/**
 * mvp for browsers without WebAssembly exceptions, eh for the rest. The coi
 * (threads) bundle is left out: it needs cross-origin isolation headers and
 * was measured to double start-up on a 2-core machine.
 */
export const BUNDLES: DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};
