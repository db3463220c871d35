import { engine } from './index';
import type { WasmConnector } from './wasm';

/** The engine session the upload page's statements run on (reopened after a restart). */
export const UPLOAD = 'upload';

/**
 * Run `work` on the upload connection once the work queued before it is
 * done. One connection runs one statement stream at a time: several files
 * picked together must not interleave their queries (or their transactions).
 */
export function serial<T>(work: (conn: WasmConnector) => Promise<T>): Promise<T> {
	return engine.serial(UPLOAD, work);
}
