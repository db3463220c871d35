/** The console's history of executed queries and the user's named queries, kept in localStorage. */

import {
	isHistoryEntry,
	isSavedQuery,
	load,
	type HistoryEntry,
	type SavedQuery
} from './sql-storage';

export type { HistoryEntry, SavedQuery } from './sql-storage';

const HISTORY_KEY = 'raqib.sql.history';
const SAVED_KEY = 'raqib.sql.saved';
const HISTORY_LIMIT = 200;

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
