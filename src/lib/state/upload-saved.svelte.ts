/**
 * The saved uploads (kept in browser storage, replayed at start-up) and what
 * changes them: remove one, reset to the shipped data, or another tab's
 * change. Also the table downloads, in the format the upload accepts.
 */
import type { AcledExportOptions } from '$lib/query/acled-export';
import type { TableName } from '$lib/schema/tables';
import type { SavedUpload, SkippedRecord } from '$lib/db/saved-session';
import { t } from '$lib/i18n';
import { boot, refreshDataset } from './engine.svelte';

const session = () => import('$lib/db/upload-session');
const savedSession = () => import('$lib/db/saved-session');

class SavedState {
	list = $state.raw<SavedUpload[]>([]);
	/** Saved uploads that could not be re-applied at start-up. */
	problems = $state.raw<{ file: string; message: string }[]>([]);
	/** Records in browser storage that are not saved uploads (damaged): skipped, never replayed. */
	skipped = $state.raw<SkippedRecord[]>([]);
	/** The storage's version when another version of Raqib wrote it, else null. */
	otherVersion = $state.raw<{ found: number; expected: number } | null>(null);
	/** Reading browser storage failed altogether (the message), else null. */
	storageError = $state<string | null>(null);
	/** What this site stores and may store (navigator.storage.estimate), in bytes; null when the browser does not say. */
	estimate = $state.raw<{ usage: number; quota: number } | null>(null);
	busy = $state(false);
}

export const saved = new SavedState();

/** Load the list of saved uploads (and start-up replay problems). */
export async function loadSaved(): Promise<void> {
	await boot();
	const db = await session();
	const store = await savedSession();
	try {
		const stored = await store.savedUploads();
		saved.list = stored.uploads;
		saved.skipped = stored.skipped;
		saved.otherVersion =
			stored.version === store.STORE_VERSION
				? null
				: { found: stored.version, expected: store.STORE_VERSION };
		saved.storageError = null;
	} catch (error) {
		saved.list = [];
		saved.skipped = [];
		saved.storageError = error instanceof Error ? error.message : String(error);
	}
	saved.estimate = await estimate();
	saved.problems = db.replayProblems().map((p) => ({
		file: p.upload?.file ?? '',
		message: p.code === 'engine' ? p.message : t(`data.saved.problem.${p.code}`, p.params)
	}));
}

export async function removeSaved(upload: SavedUpload): Promise<void> {
	await busy(async () => (await savedSession()).removeSaved(upload));
}

/** Delete a damaged record from browser storage. */
export async function removeSkipped(id: number): Promise<void> {
	await busy(async () => (await savedSession()).removeSkipped(id));
}

/**
 * Forget everything on this device: saved uploads (the whole browser
 * database) and every localStorage entry Raqib wrote (./forget.ts). The page
 * is then reloaded so no in-memory copy (SQL history, views) survives.
 */
export async function forgetEverything(): Promise<void> {
	await busy(async () => (await savedSession()).forgetUploads());
	const { forgetKeys } = await import('./forget');
	forgetKeys(localStorage);
}

export async function resetToShipped(): Promise<void> {
	await busy(async () => (await savedSession()).resetToShipped());
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

/** The browser's own figure for this site's storage (uploads, offline copy and all) and its quota. */
async function estimate(): Promise<{ usage: number; quota: number } | null> {
	try {
		const e = await navigator.storage?.estimate?.();
		return e && e.usage !== undefined && e.quota !== undefined
			? { usage: e.usage, quota: e.quota }
			: null;
	} catch {
		return null;
	}
}

/** Bytes a saved upload takes in browser storage: its CSV, kept columns, and Arrow snapshot. */
export function storedBytes(u: SavedUpload): number {
	return u.data.size + (u.extra?.data.size ?? 0) + (u.snapshot?.bytes ?? 0);
}
