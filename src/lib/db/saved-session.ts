/**
 * The saved uploads as the data page manages them: read (with damaged
 * records), remove one, reset to the shipped data, forget everything. Each
 * change holds the cross-tab lock (./tabs.ts) and rebuilds the tables.
 */
import { TABLE_NAMES } from '$lib/schema/tables';
import { restoreTables } from './index';
import { dropTable, extraTable } from './staging';
import {
	clearUploads,
	deleteStore,
	deleteUpload,
	listUploads,
	readUploads,
	type SavedUpload
} from './store';
import { change } from './tabs';
import { serial } from './upload-queue';

export { STORE_VERSION } from './store';
export type { SavedUpload, SkippedRecord, StoredUploads } from './store';

/** Drop the side tables of kept columns; the replay of saved uploads recreates what remains. */
function dropExtras(): Promise<void> {
	return serial(async (conn) => {
		for (const t of TABLE_NAMES) await dropTable(conn, extraTable(t));
	});
}

/** The saved uploads, with the records skipped as damaged and the store's version. */
export const savedUploads = readUploads;

/** Delete a record skipped as damaged (it was never replayed, so no table changes). */
export function removeSkipped(id: number): Promise<void> {
	return change(() => deleteUpload(id));
}

/** Remove one saved upload and rebuild the tables from the shipped data plus the remaining uploads. */
export function removeSaved(upload: SavedUpload): Promise<void> {
	return change(() => removeOne(upload));
}

async function removeOne(upload: SavedUpload): Promise<void> {
	await deleteUpload(upload.id!);
	const rest = await listUploads();
	if (
		upload.mode === 'create' &&
		!rest.some((u) => u.mode === 'create' && u.table === upload.table)
	)
		await serial((conn) => dropTable(conn, upload.table));
	await dropExtras();
	await restoreTables();
}

/** Forget every saved upload and go back to the tables as shipped. */
export function resetToShipped(): Promise<void> {
	return change(reset);
}

async function reset(): Promise<void> {
	const saved = await listUploads();
	await clearUploads();
	await serial(async (conn) => {
		for (const u of saved) if (u.mode === 'create') await dropTable(conn, u.table);
	});
	await dropExtras();
	await restoreTables();
}

/** Reset to the shipped tables, then delete the whole browser database (saved uploads and damaged records). */
export function forgetUploads(): Promise<void> {
	return change(async () => {
		await reset();
		await deleteStore();
	});
}
