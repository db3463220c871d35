/**
 * "Forget everything on this device": what Raqib keeps in this browser
 * besides the saved uploads (IndexedDB, ../db/store.ts), counted for the
 * confirmation, and its removal. Everything Raqib writes to localStorage has
 * a key starting "raqib." (SQL history and saved queries, saved views,
 * remembered column mappings, language and digits settings).
 */

/** The subset of the Web Storage API used (window.localStorage fits). */
export interface KeyStorage {
	readonly length: number;
	key(index: number): string | null;
	getItem(key: string): string | null;
	removeItem(key: string): void;
}

const PREFIX = 'raqib.';

/** What the confirmation lists, as counts (a damaged entry counts as one item to delete). */
export interface Kept {
	history: number;
	queries: number;
	views: number;
	mappings: number;
	/** Settings (language, digits) remembered. */
	settings: number;
}

/** Raqib's keys in `storage`. */
export function raqibKeys(storage: KeyStorage): string[] {
	const keys: string[] = [];
	for (let i = 0; i < storage.length; i++) {
		const key = storage.key(i);
		if (key?.startsWith(PREFIX)) keys.push(key);
	}
	return keys;
}

/** How many items a stored JSON value holds: array length, `views` length, object keys; 1 if damaged. */
function items(text: string | null, list?: string): number {
	if (text === null) return 0;
	try {
		const value: unknown = JSON.parse(text);
		const inner =
			list && value && typeof value === 'object' ? (value as Record<string, unknown>)[list] : value;
		if (Array.isArray(inner)) return inner.length;
		if (inner && typeof inner === 'object')
			return Object.values(inner).reduce<number>(
				(n, v) => n + (v && typeof v === 'object' ? Object.keys(v).length : 1),
				0
			);
		return 1;
	} catch {
		return 1;
	}
}

/** Count what is kept, for the confirmation. */
export function inventory(storage: KeyStorage): Kept {
	const keys = raqibKeys(storage);
	const get = (key: string) => storage.getItem(key);
	return {
		history: items(get('raqib.sql.history')),
		queries: items(get('raqib.sql.saved')),
		views: keys
			.filter((k) => k.startsWith('raqib.views'))
			.reduce((n, k) => n + items(get(k), 'views'), 0),
		mappings: items(get('raqib.upload.mapping')),
		settings: keys.filter((k) => k === 'raqib.locale' || k === 'raqib.digits').length
	};
}

/** Remove every key Raqib wrote. */
export function forgetKeys(storage: KeyStorage): void {
	for (const key of raqibKeys(storage)) storage.removeItem(key);
}
