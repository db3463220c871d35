/** Reading the console's lists back from localStorage, whatever state they are in. */

export interface HistoryEntry {
	sql: string;
	/** ms since epoch when it ran. */
	at: number;
	ok: boolean;
	rows?: number;
	ms?: number;
}

export interface SavedQuery {
	name: string;
	sql: string;
	at: number;
}

/** What a stored list held: the entries that could be read, and how many could not. */
export interface Loaded<T> {
	items: T[];
	skipped: number;
}

/**
 * Read a stored list, keeping only well-formed entries and the first of any
 * duplicate key (a damaged or hand-edited list, e.g. `[null]`, must never
 * break the page). Unreadable JSON counts as one skipped entry.
 */
export function load<T>(
	key: string,
	valid: (v: unknown) => v is T,
	id: (v: T) => string
): Loaded<T> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(localStorage.getItem(key) ?? '[]');
	} catch (e) {
		// Blocked storage (SecurityError) is not damage; broken JSON is.
		return { items: [], skipped: e instanceof SyntaxError ? 1 : 0 };
	}
	if (!Array.isArray(parsed)) return { items: [], skipped: 1 };
	const seen = new Set<string>();
	const items: T[] = [];
	for (const v of parsed as unknown[]) {
		if (!valid(v) || seen.has(id(v))) continue;
		seen.add(id(v));
		items.push(v);
	}
	return { items, skipped: parsed.length - items.length };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

export function isHistoryEntry(v: unknown): v is HistoryEntry {
	return (
		isRecord(v) &&
		typeof v.sql === 'string' &&
		typeof v.at === 'number' &&
		Number.isFinite(v.at) &&
		typeof v.ok === 'boolean'
	);
}

export function isSavedQuery(v: unknown): v is SavedQuery {
	return (
		isRecord(v) &&
		typeof v.name === 'string' &&
		typeof v.sql === 'string' &&
		typeof v.at === 'number'
	);
}
