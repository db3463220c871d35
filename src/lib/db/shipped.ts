import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import type { TableName } from '$lib/schema/tables';
import type { Connector } from './connector';
import { createFromCsv } from './ddl';
import { ENGINE_DIR } from './lockdown';
import { SHIPPED_FILES } from './shipped-files';

const TABLES = Object.keys(SHIPPED_FILES) as TableName[];
let texts: Promise<string[]> | null = null;

/**
 * Fetch the shipped CSVs once. Called as the engine starts, so the files
 * download while the WebAssembly module compiles rather than after it.
 */
export function fetchShipped(): Promise<string[]> {
	texts ??= Promise.all(TABLES.map((t) => fetchText(SHIPPED_FILES[t]))).catch((error: unknown) => {
		texts = null;
		throw error;
	});
	return texts;
}

/** Load the tables shipped in data/ (fetched from the app's own origin) into DuckDB. */
export async function loadShipped(db: AsyncDuckDB, conn: Connector): Promise<void> {
	const all = await fetchShipped();
	for (const [i, table] of TABLES.entries()) {
		const file = `${ENGINE_DIR}shipped/${table}.csv`;
		await db.registerFileText(file, all[i]!);
		await conn.exec(createFromCsv(table, file));
	}
}

async function fetchText(url: string): Promise<string> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	return res.text();
}
