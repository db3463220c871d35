/** The console's history of executed queries and the user's named queries, kept in localStorage. */

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

const HISTORY_KEY = 'raqib.sql.history';
const SAVED_KEY = 'raqib.sql.saved';
const HISTORY_LIMIT = 200;

/** What a stored list held: the entries that could be read, and how many could not. */
interface Loaded<T> {
	items: T[];
	skipped: number;
}

/**
 * Read a stored list, keeping only well-formed entries and the first of any
 * duplicate key (a damaged or hand-edited list, e.g. `[null]`, must never
 * break the page). Unreadable JSON counts as one skipped entry.
 */
function load<T>(key: string, valid: (v: unknown) => v is T, id: (v: T) => string): Loaded<T> {
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

function isHistoryEntry(v: unknown): v is HistoryEntry {
	return (
		isRecord(v) &&
		typeof v.sql === 'string' &&
		typeof v.at === 'number' &&
		Number.isFinite(v.at) &&
		typeof v.ok === 'boolean'
	);
}

function isSavedQuery(v: unknown): v is SavedQuery {
	return (
		isRecord(v) &&
		typeof v.name === 'string' &&
		typeof v.sql === 'string' &&
		typeof v.at === 'number'
	);
}

function store(key: string, value: unknown): void {
	try {
		localStorage.setItem(key, JSON.stringify(value));
	} catch {
		// Quota or privacy mode: the list still works for this visit.
	}
}

class SqlHistory {
	entries = $state.raw<HistoryEntry[]>([]);
	saved = $state.raw<SavedQuery[]>([]);
	/** Damaged entries skipped when the lists were read (shown in the history panel). */
	skipped = $state(0);

	/** Read both lists from storage (in the browser only, on mount). */
	load(): void {
		// One history entry per text (as add() keeps it); one saved query per name.
		const entries = load(HISTORY_KEY, isHistoryEntry, (e) => e.sql);
		const saved = load(SAVED_KEY, isSavedQuery, (q) => q.name);
		this.entries = entries.items;
		this.saved = saved.items;
		this.skipped = entries.skipped + saved.skipped;
	}

	add(entry: HistoryEntry): void {
		// Newest first; running the same text again moves it to the top instead of repeating it.
		const rest = this.entries.filter((e) => e.sql !== entry.sql);
		this.entries = [entry, ...rest].slice(0, HISTORY_LIMIT);
		store(HISTORY_KEY, this.entries);
	}

	clear(): void {
		this.entries = [];
		store(HISTORY_KEY, []);
	}

	/** Save under a name; an existing query with that name is replaced. */
	save(name: string, sql: string): void {
		const rest = this.saved.filter((s) => s.name !== name);
		this.saved = [{ name, sql, at: Date.now() }, ...rest];
		store(SAVED_KEY, this.saved);
	}

	remove(name: string): void {
		this.saved = this.saved.filter((s) => s.name !== name);
		store(SAVED_KEY, this.saved);
	}
}

export const history = new SqlHistory();
