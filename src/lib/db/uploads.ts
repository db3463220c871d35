import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import type { Connector } from './connector';

/**
 * Re-apply the user's saved uploads, in order, on top of freshly loaded
 * shipped tables. Nothing is saved until the upload page (issue 6) stores
 * uploads; it replaces this body with the replay from browser storage.
 */
export async function replayUploads(_db: AsyncDuckDB, _conn: Connector): Promise<void> {}
