import type * as duckdb from '@duckdb/duckdb-wasm';

/**
 * The one directory DuckDB may open files in once the engine is locked.
 * Every file Raqib registers (shipped CSVs, uploads, exports) is named under
 * it; anything else, above all `http://…` URLs, is refused by DuckDB itself.
 */
export const ENGINE_DIR = 'raqib/';

/**
 * Database-wide settings, applied once as the engine starts and then locked,
 * so SQL typed in the console cannot undo them. Each line says why.
 */
const LOCKDOWN = [
	// Never reach for the extension repository: the app is offline by design,
	// and a failed silent download leaves misleading errors (or a dead engine) behind.
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false',
	// The only files DuckDB may open are the ones Raqib registered under ENGINE_DIR.
	`SET allowed_directories = ['${ENGINE_DIR}']`,
	// No read_csv('http://…'), ATTACH or COPY TO another origin, even when the
	// host does not send the header CSP: the engine refuses outside ENGINE_DIR.
	'SET enable_external_access = false',
	// Last: from here on no SET/RESET can change any of the above.
	'SET lock_configuration = true'
];

/** Apply and lock the engine's configuration. Call once, right after `db.open()`. */
export async function lockDown(db: duckdb.AsyncDuckDB): Promise<void> {
	const conn = await db.connect();
	try {
		for (const s of LOCKDOWN) await conn.query(s);
	} finally {
		await conn.close();
	}
}
