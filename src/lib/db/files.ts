import { DuckDBDataProtocol, type AsyncDuckDB } from '@duckdb/duckdb-wasm';
import { quoteLiteral } from '$lib/query/sql';
import type { Connector } from './connector';
import { ENGINE_DIR } from './lockdown';

/** A name no other file of this worker has (no counter kept between calls). */
const unique = () => crypto.randomUUID().replaceAll('-', '');

/**
 * Make a Blob (a picked File, a slice of one, or a converted copy) readable
 * by read_csv. It is read in place through FileReaderSync in DuckDB's worker,
 * never copied whole into WebAssembly memory. Drop it when done.
 */
export async function registerBlob(db: AsyncDuckDB, blob: Blob): Promise<string> {
	const name = `${ENGINE_DIR}upload_${unique()}.csv`;
	await db.registerFileHandle(name, blob, DuckDBDataProtocol.BROWSER_FILEREADER, true);
	return name;
}

/** The result of a SELECT as CSV bytes, written by DuckDB's own CSV writer (header, ',', RFC 4180 quoting). */
export async function exportCsv(
	db: AsyncDuckDB,
	conn: Connector,
	select: string
): Promise<Uint8Array> {
	const name = `${ENGINE_DIR}export_${unique()}.csv`;
	await conn.exec(`COPY (${select}) TO ${quoteLiteral(name)} (HEADER, DELIMITER ',')`);
	try {
		return await db.copyFileToBuffer(name);
	} finally {
		await db.dropFile(name);
	}
}
