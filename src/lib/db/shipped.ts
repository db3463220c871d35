import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import type { TableName } from '$lib/schema/tables';
import type { Connector } from './connector';
import { createFromCsv } from './ddl';
import { ENGINE_DIR } from './lockdown';
import { SHIPPED_FILES } from './shipped-files';

const TABLES = Object.keys(SHIPPED_FILES) as TableName[];
/**
 * The tables shipped in data/: fetched from the app's own origin once (the
 * texts are kept for the next engine generation), loaded into each new database.
 */
export class ShippedTables {
	#texts: Promise<string[]> | null = null;
	#fetch: (url: string) => Promise<string>;

	/** `fetchText` reads one file's text (tests pass their own). */
	constructor(fetchText: (url: string) => Promise<string> = fetchOwn) {
		this.#fetch = fetchText;
	}

	/**
	 * Fetch the shipped CSVs once. Called as the engine starts, so the files
	 * download while the WebAssembly module compiles rather than after it.
	 * A failed fetch is forgotten, so the next call tries again.
	 */
	fetch(): Promise<string[]> {
		this.#texts ??= Promise.all(TABLES.map((t) => this.#fetch(SHIPPED_FILES[t]))).catch(
			(error: unknown) => {
				this.#texts = null;
				throw error;
			}
		);
		return this.#texts;
	}

	/** Load every shipped table into `db` through `conn` (registering each CSV in its file system). */
	async load(db: AsyncDuckDB, conn: Connector): Promise<void> {
		const all = await this.fetch();
		for (const [i, table] of TABLES.entries()) {
			const file = `${ENGINE_DIR}shipped/${table}.csv`;
			await db.registerFileText(file, all[i]!);
			await conn.exec(createFromCsv(table, file));
		}
	}
}

async function fetchOwn(url: string): Promise<string> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	return res.text();
}
