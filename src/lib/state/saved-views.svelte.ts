/**
 * Saved views: named dashboard states (the URL's query string: filters,
 * comparison, chart options), kept in this browser's localStorage, and
 * exported or imported as a small JSON file. A view is its URL, so opening
 * one is navigating to it, and a link to it works anywhere.
 *
 * localStorage rather than IndexedDB: a view list is a few kilobytes of text,
 * read synchronously before the first paint of the list; the storage is
 * injected, so tests pass a Map-backed one and "Forget everything" calls clear().
 */
import { parseViewFile, serializeViews, timestamp, type SavedView } from './saved-views-file';

export type { SavedView };

/** The subset of the Web Storage API used (window.localStorage fits). */
export interface ViewStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

/** The localStorage key; versioned so a later format can migrate. */
export const VIEWS_KEY = 'raqib.views.v1';
/** Names are trimmed and at most this long. */
export const MAX_NAME = 120;

export class SavedViews {
	/** Saved views, sorted by name. */
	list = $state.raw<SavedView[]>([]);
	/** The last operation's problem (storage full or unavailable, a bad file), shown by the views panel. */
	error = $state<string | null>(null);
	#storage: ViewStorage | null;
	#now: () => number;

	/** `storage` null = this browser refuses storage (private mode, policy): every write reports it. `now`: epoch ms. */
	constructor(storage: ViewStorage | null, now: () => number = Date.now) {
		this.#storage = storage;
		this.#now = now;
		this.reload();
	}

	/** Re-read the stored list (another tab may have changed it). A corrupt entry is reported, not thrown. */
	reload(): void {
		if (!this.#storage) return;
		try {
			const text = this.#storage.getItem(VIEWS_KEY);
			this.list = text ? sortByName(parseViewFile(text)) : [];
			this.error = null;
		} catch (e) {
			this.list = [];
			this.error = `Saved views could not be read: ${message(e)}`;
		}
	}

	/** Save `search` (a URL query string, '' or starting with '?') under `name`, replacing a view of that name. */
	save(name: string, search: string): boolean {
		const clean = cleanName(name);
		if (!clean) return this.#fail('A view needs a name.');
		const view: SavedView = { name: clean, search, saved: timestamp(this.#now()) };
		return this.#write([...this.list.filter((v) => v.name !== clean), view]);
	}

	/** Rename a view; refuses a name another view already has. */
	rename(from: string, to: string): boolean {
		const clean = cleanName(to);
		if (!clean) return this.#fail('A view needs a name.');
		if (clean !== from && this.has(clean))
			return this.#fail(`A view named "${clean}" already exists.`);
		return this.#write(this.list.map((v) => (v.name === from ? { ...v, name: clean } : v)));
	}

	remove(name: string): boolean {
		return this.#write(this.list.filter((v) => v.name !== name));
	}

	has(name: string): boolean {
		return this.list.some((v) => v.name === cleanName(name));
	}

	/** The views (all, or those named) as the JSON file text that import() reads. */
	export(names?: readonly string[]): string {
		const chosen = names ? this.list.filter((v) => names.includes(v.name)) : this.list;
		return serializeViews(chosen);
	}

	/**
	 * Add the views of an exported file; a view with an existing name replaces it.
	 * The whole file is validated first: a bad file changes nothing and sets `error`.
	 * Returns how many views were imported (0 on error).
	 */
	import(text: string): number {
		let views: SavedView[];
		try {
			views = parseViewFile(text);
		} catch (e) {
			this.#fail(`This file is not a Raqib views file: ${message(e)}`);
			return 0;
		}
		const names = views.map((v) => v.name);
		return this.#write([...this.list.filter((v) => !names.includes(v.name)), ...views])
			? views.length
			: 0;
	}

	/** Forget every saved view (the privacy reset). */
	clear(): boolean {
		if (!this.#storage) return this.#fail('This browser does not allow saving views.');
		try {
			this.#storage.removeItem(VIEWS_KEY);
		} catch (e) {
			return this.#fail(message(e));
		}
		this.list = [];
		this.error = null;
		return true;
	}

	#write(next: SavedView[]): boolean {
		if (!this.#storage) return this.#fail('This browser does not allow saving views.');
		try {
			this.#storage.setItem(VIEWS_KEY, serializeViews(next));
		} catch (e) {
			return this.#fail(`The view could not be saved (browser storage full?): ${message(e)}`);
		}
		this.list = sortByName(next);
		this.error = null;
		return true;
	}

	#fail(text: string): false {
		this.error = text;
		return false;
	}
}

/** This browser's localStorage, or null where it is refused (some private modes throw on access). */
export function browserViewStorage(): ViewStorage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const cleanName = (name: string) => name.trim().slice(0, MAX_NAME);
const sortByName = (views: SavedView[]) =>
	[...views].sort((a, b) => a.name.localeCompare(b.name) || a.saved.localeCompare(b.saved));
