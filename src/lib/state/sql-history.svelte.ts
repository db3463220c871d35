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

function load<T>(key: string): T[] {
	try {
		const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
		return Array.isArray(parsed) ? (parsed as T[]) : [];
	} catch {
		return []; // storage blocked or corrupted: start empty rather than fail the page
	}
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

	/** Read both lists from storage (in the browser only, on mount). */
	load(): void {
		this.entries = load<HistoryEntry>(HISTORY_KEY);
		this.saved = load<SavedQuery>(SAVED_KEY);
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
