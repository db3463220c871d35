/**
 * The saved-views file format (also what localStorage holds):
 *   { "format": "raqib-views", "version": 1,
 *     "views": [{ "name": "…", "search": "?from=…", "saved": "2026-11-29T11:00:00.000Z" }] }
 * `search` is the dashboard URL's query string ('' = no filters). Parsing
 * validates everything before returning, and names the view and field at fault.
 */

export interface SavedView {
	name: string;
	/** The dashboard URL's query string: '' or starting with '?'. */
	search: string;
	/** When it was saved, ISO 8601. */
	saved: string;
}

export const VIEWS_FORMAT = 'raqib-views';
export const VIEWS_VERSION = 1;
const MAX_SEARCH = 4000;

/** An epoch-milliseconds time as the ISO 8601 text views store. */
export const timestamp = (ms: number): string => new Date(ms).toISOString();

/** The file text for these views (stable key order, readable indentation). */
export function serializeViews(views: readonly SavedView[]): string {
	const clean = views.map(({ name, search, saved }) => ({ name, search, saved }));
	return `${JSON.stringify({ format: VIEWS_FORMAT, version: VIEWS_VERSION, views: clean }, null, 2)}\n`;
}

/** Parse and validate a views file. Throws an Error whose message says what is wrong and where. */
export function parseViewFile(text: string): SavedView[] {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new Error('it is not valid JSON.');
	}
	if (!isObject(data) || data.format !== VIEWS_FORMAT)
		throw new Error(`"format" must be "${VIEWS_FORMAT}".`);
	if (data.version !== VIEWS_VERSION)
		throw new Error(
			`version ${String(data.version)} is not supported (expected ${VIEWS_VERSION}).`
		);
	if (!Array.isArray(data.views)) throw new Error('"views" must be a list.');
	const seen = new Set<string>();
	return data.views.map((v: unknown, i: number) => {
		const where = `view ${i + 1}`;
		if (!isObject(v)) throw new Error(`${where} is not an object.`);
		const { name, search, saved } = v;
		if (typeof name !== 'string' || !name.trim()) throw new Error(`${where} has no name.`);
		if (name.trim() !== name || name.length > 120)
			throw new Error(`${where}: the name has surrounding spaces or is over 120 characters.`);
		if (seen.has(name)) throw new Error(`${where}: the name "${name}" appears twice.`);
		seen.add(name);
		if (typeof search !== 'string' || (search !== '' && !search.startsWith('?')))
			throw new Error(
				`${where} ("${name}"): "search" must be '' or a query string starting with '?'.`
			);
		if (search.length > MAX_SEARCH || /[#\s]/.test(search))
			throw new Error(`${where} ("${name}"): "search" is too long or holds '#' or spaces.`);
		if (typeof saved !== 'string' || Number.isNaN(Date.parse(saved)))
			throw new Error(`${where} ("${name}"): "saved" must be a date and time.`);
		return { name, search, saved };
	});
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
