/**
 * The user's applied uploads, kept in IndexedDB so they survive reload and
 * browser restart and are re-applied in order at start-up. IndexedDB rather
 * than DuckDB's OPFS database: every open tab can read and write it (an OPFS
 * database file is locked by the first tab), and it stores Blobs on disk
 * without loading them into memory.
 */
import type { ApplyMode, NewEntries } from './staging';
import { checkRecords, type SkippedRecord } from './store-record';
import type { Snapshot } from './snapshot';

export type { SkippedRecord };

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
	/** The rows as staged, as Arrow IPC, for a start-up without parsing text (./snapshot.ts); added after the apply. */
	snapshot?: Snapshot;
}

/** Browser storage is full (or refused): nothing was saved or applied. */
export class StorageFullError extends Error {
	constructor(cause: unknown) {
		super('storage quota exceeded', { cause });
	}
}

const DB = 'raqib';
const STORE = 'uploads';
/** The database version this code writes. */
export const STORE_VERSION = 1;

function openAt(version?: number): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB, version);
		req.onupgradeneeded = () =>
			req.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
		// 'blocked' only means another tab's connection is still open: ours close after each use.
	});
}

/**
 * The database at STORE_VERSION, or at whatever higher version another
 * Raqib wrote it (opening it at 1 would fail with VersionError): its records
 * are still read, each one checked (./store-record.ts).
 */
async function open(): Promise<IDBDatabase> {
	try {
		return await openAt(STORE_VERSION);
	} catch (error) {
		if (error instanceof DOMException && error.name === 'VersionError') return openAt();
		throw error;
	}
}

async function run<T>(
	mode: IDBTransactionMode,
	body: (store: IDBObjectStore) => IDBRequest<T>
): Promise<T> {
	const db = await open();
	try {
		if (!db.objectStoreNames.contains(STORE))
			throw new Error(`browser storage version ${db.version} has no saved uploads store`);
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

/** What the store holds: the uploads to replay, records skipped as damaged, and its version. */
export interface StoredUploads {
	uploads: SavedUpload[];
	skipped: SkippedRecord[];
	/** The database's version; not STORE_VERSION when another version of Raqib wrote it. */
	version: number;
}

/** Read every record, keeping those of the saved-upload shape (in replay order) and naming the others. */
export async function readUploads(): Promise<StoredUploads> {
	if (typeof indexedDB === 'undefined') return { uploads: [], skipped: [], version: STORE_VERSION };
	const db = await open();
	const version = db.version;
	db.close();
	if (version !== STORE_VERSION && !(await hasStore()))
		return { uploads: [], skipped: [], version };
	const all = await run<unknown[]>('readonly', (s) => s.getAll());
	return { ...checkRecords(all), version };
}

async function hasStore(): Promise<boolean> {
	const db = await open();
	try {
		return db.objectStoreNames.contains(STORE);
	} finally {
		db.close();
	}
}

/** The saved uploads of the right shape, in replay order (damaged records left out). */
export async function listUploads(): Promise<SavedUpload[]> {
	return (await readUploads()).uploads;
}

/**
 * Add a snapshot to saved upload `id`, if it is still saved (it may have been
 * removed meanwhile: then nothing is written). Throws StorageFullError when
 * the quota is exceeded; the upload itself stays saved as it was.
 */
export async function addSnapshot(id: number, snapshot: Snapshot): Promise<boolean> {
	// One transaction: a removal cannot fall between the read and the write.
	const found = await run<unknown>('readwrite', (s) => {
		const req = s.get(id);
		req.onsuccess = () => {
			if (req.result && typeof req.result === 'object') s.put({ ...req.result, snapshot });
		};
		return req;
	});
	return !!found;
}

export async function deleteUpload(id: number): Promise<void> {
	await run('readwrite', (s) => s.delete(id));
}

export async function clearUploads(): Promise<void> {
	if (!(await hasStore())) return;
	await run('readwrite', (s) => s.clear());
}

/** Delete the whole database (uploads and anything another version kept in it). */
export function deleteStore(): Promise<void> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.deleteDatabase(DB);
		req.onsuccess = () => resolve();
		req.onerror = () => reject(req.error);
		req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
	});
}
