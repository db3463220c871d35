/**
 * The user's applied uploads, kept in IndexedDB so they survive reload and
 * browser restart and are re-applied in order at start-up. IndexedDB rather
 * than DuckDB's OPFS database: every open tab can read and write it (an OPFS
 * database file is locked by the first tab), and it stores Blobs on disk
 * without loading them into memory.
 */
import type { ApplyMode, NewEntries } from './staging';

export interface SavedUpload {
	/** Assigned on save; uploads are replayed in increasing id order. */
	id?: number;
	file: string;
	/** When it was applied (ISO). */
	time: string;
	/** A codebook table ('incidents', …) merged by mode, or a new table created from the file. */
	table: string;
	mode: ApplyMode | 'create';
	rows: number;
	/** The rows as loaded: UTF-8, comma-separated CSV with the table's header (codebook tables). */
	data: Blob;
	/** How `data` is written (uploads saved before this was kept: ',' and the line ending found in it). */
	delimiter?: string;
	newLine?: '\n' | '\r\n' | '\r';
	/** For created tables: every column, in order, with the type chosen. */
	types?: Record<string, string>;
	entries?: NewEntries;
	/** Extra columns the user kept, for `<table>_extra`: the key and those columns as CSV. */
	extra?: { data: Blob; columns: string[] };
}

/** Browser storage is full (or refused): nothing was saved or applied. */
export class StorageFullError extends Error {
	constructor(cause: unknown) {
		super('storage quota exceeded', { cause });
	}
}

const DB = 'raqib';
const STORE = 'uploads';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB, 1);
		req.onupgradeneeded = () =>
			req.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
		req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
	});
}

async function run<T>(
	mode: IDBTransactionMode,
	body: (store: IDBObjectStore) => IDBRequest<T>
): Promise<T> {
	const db = await open();
	try {
		return await new Promise<T>((resolve, reject) => {
			const tx = db.transaction(STORE, mode);
			const req = body(tx.objectStore(STORE));
			tx.oncomplete = () => resolve(req.result);
			tx.onerror = () => reject(tx.error ?? req.error);
			tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
		});
	} catch (error) {
		if (error instanceof DOMException && error.name === 'QuotaExceededError')
			throw new StorageFullError(error);
		throw error;
	} finally {
		db.close();
	}
}

/** Save an applied upload; resolves to its id. Throws StorageFullError when the quota is exceeded. */
export async function saveUpload(upload: SavedUpload): Promise<number> {
	const record: SavedUpload = { ...upload };
	delete record.id;
	return Number(await run('readwrite', (s) => s.add(record)));
}

export async function listUploads(): Promise<SavedUpload[]> {
	if (typeof indexedDB === 'undefined') return [];
	const all = await run<SavedUpload[]>('readonly', (s) => s.getAll());
	return all.sort((a, b) => a.id! - b.id!);
}

export async function deleteUpload(id: number): Promise<void> {
	await run('readwrite', (s) => s.delete(id));
}

export async function clearUploads(): Promise<void> {
	await run('readwrite', (s) => s.clear());
}
