/**
 * The saved uploads (kept in browser storage, replayed at start-up) and what
 * changes them: remove one, reset to the shipped data, or another tab's
 * change. Also the table downloads, in the format the upload accepts.
 */
import type { AcledExportOptions } from '$lib/query/acled-export';
import type { TableName } from '$lib/schema/tables';
import type { SavedUpload } from '$lib/db/upload-session';
import { boot, refreshDataset } from './engine.svelte';

const session = () => import('$lib/db/upload-session');

class SavedState {
	list = $state.raw<SavedUpload[]>([]);
	/** Saved uploads that could not be re-applied at start-up. */
	problems = $state.raw<{ file: string; message: string }[]>([]);
	busy = $state(false);
}

export const saved = new SavedState();

/** Load the list of saved uploads (and start-up replay problems). */
export async function loadSaved(): Promise<void> {
	await boot();
	const db = await session();
	saved.list = await db.savedUploads().catch(() => []);
	saved.problems = db.replayProblems().map((p) => ({
		file: p.upload?.file ?? '',
		message: p.message
	}));
}

export async function removeSaved(upload: SavedUpload): Promise<void> {
	await busy(async () => (await session()).removeSaved(upload));
}

export async function resetToShipped(): Promise<void> {
	await busy(async () => (await session()).resetToShipped());
}

async function busy(work: () => Promise<void>): Promise<void> {
	saved.busy = true;
	try {
		await work();
		await tablesChanged();
	} finally {
		saved.busy = false;
	}
}

export async function tablesChanged(): Promise<void> {
	await refreshDataset(await boot());
	await loadSaved();
	channel()?.postMessage('changed');
}

/** Another tab applied or removed an upload: rebuild this tab's tables from storage too. */
let listening: BroadcastChannel | null = null;
function channel(): BroadcastChannel | null {
	if (typeof BroadcastChannel === 'undefined') return null;
	if (!listening) {
		listening = new BroadcastChannel('raqib-uploads');
		listening.onmessage = async () => {
			const db = await import('$lib/db');
			await db.restoreTables();
			await refreshDataset(await boot());
			await loadSaved();
		};
	}
	return listening;
}

export function listenToOtherTabs(): void {
	channel();
}

/** A codebook table as CSV bytes in the upload format. */
export async function downloadTable(table: TableName): Promise<Uint8Array> {
	await boot();
	return (await session()).exportTable(table);
}

/** Every incident as an ACLED export (query/acled-export.ts), as CSV bytes. */
export async function downloadAcled(options: AcledExportOptions): Promise<Uint8Array> {
	await boot();
	const { acledExport } = await import('$lib/query/acled-export');
	return (await session()).exportQuery(acledExport(options).sql);
}
