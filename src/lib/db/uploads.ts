import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import type { TableName } from '$lib/schema/tables';
import type { Connector } from './connector';
import { registerBlob } from './files';
import { applyStaged, createTable, readCsvSniffed, stage, stageName } from './staging';
import { listUploads, type SavedUpload } from './store';

/** Saved uploads that could not be re-applied at the last start-up, with the reason. */
export const replayProblems: { upload: SavedUpload | null; message: string }[] = [];

/**
 * Re-apply the user's saved uploads (./store.ts), in the order they were
 * applied, on top of freshly loaded shipped tables. One that fails (say the
 * codebook changed since) is skipped and reported; the others still apply,
 * and start-up never fails because of browser storage.
 */
export async function replayUploads(db: AsyncDuckDB, conn: Connector): Promise<void> {
	replayProblems.length = 0;
	let saved: SavedUpload[];
	try {
		saved = await listUploads();
	} catch (error) {
		replayProblems.push({ upload: null, message: String(error) });
		return;
	}
	for (const upload of saved) {
		try {
			await replayOne(db, conn, upload);
		} catch (error) {
			replayProblems.push({
				upload,
				message: error instanceof Error ? error.message : String(error)
			});
		}
	}
}

async function replayOne(db: AsyncDuckDB, conn: Connector, upload: SavedUpload): Promise<void> {
	const file = await registerBlob(db, upload.data);
	try {
		if (upload.mode === 'create') {
			await createTable(
				conn,
				upload.table,
				readCsvSniffed(file, upload.delimiter ?? ',', upload.types)
			);
			return;
		}
		const table = upload.table as TableName;
		const staged = stageName();
		await stage(conn, table, file, staged);
		const extraFile = upload.extra ? await registerBlob(db, upload.extra.data) : null;
		try {
			await applyStaged(
				conn,
				table,
				staged,
				upload.mode,
				upload.entries ?? { actors: [], targets: [], places: [] },
				async () => {},
				extraFile && upload.extra ? { file: extraFile, columns: upload.extra.columns } : null
			);
		} finally {
			if (extraFile) await db.dropFile(extraFile);
		}
	} finally {
		await db.dropFile(file);
	}
}
