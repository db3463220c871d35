import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import type { TableName } from '$lib/schema/tables';
import type { Connector } from './connector';
import { createFromCsv } from './ddl';
import { SHIPPED_FILES } from './shipped-files';

/** Load the tables shipped in data/ (fetched from the app's own origin) into DuckDB. */
export async function loadShipped(db: AsyncDuckDB, conn: Connector): Promise<void> {
	const tables = Object.keys(SHIPPED_FILES) as TableName[];
	const texts = await Promise.all(tables.map((t) => fetchText(SHIPPED_FILES[t])));
	for (const [i, table] of tables.entries()) {
		const file = `shipped/${table}.csv`;
		await db.registerFileText(file, texts[i]!);
		await conn.exec(createFromCsv(table, file));
	}
}

async function fetchText(url: string): Promise<string> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	return res.text();
}
