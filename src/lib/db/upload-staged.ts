/** A pending upload's registered file and staging table, shared by the upload session's steps. */
import { init } from './index';
import { storeStamp } from './tabs';
import type { WasmConnector } from './wasm';
import { registerBlob } from './files';
import type { CsvDialect } from './csv-read';
import { dropStage, stageName } from './staging';

/** A file registered with DuckDB, its dialect, and its staging table, for one pending upload. */
export interface Staged {
	file: string;
	data: Blob;
	dialect: CsvDialect;
	table: string;
	/** The saved uploads when this file was checked (./tabs.ts). */
	stamp: string;
}

export async function register(data: Blob, dialect: CsvDialect): Promise<Staged> {
	const file = await registerBlob(await init(), data);
	return { file, data, dialect, table: stageName(), stamp: await storeStamp() };
}

export async function release(conn: WasmConnector, staged: Staged): Promise<void> {
	await dropStage(conn, staged.table);
	await (await init()).dropFile(staged.file);
}
