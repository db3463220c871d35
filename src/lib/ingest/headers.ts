import { asciiId } from './names';
import { TABLE_COLUMNS, type TableName } from '$lib/schema/tables';

/**
 * Header names in other files that mean one of our columns, by table:
 * spellings people type in spreadsheets. ACLED's own names need none, since
 * incidents holds ACLED's columns under their own names (`source` is ACLED's
 * outlet list, not Raqib's report ids; `location` is a name, not a place_id).
 * Keys are normalised (see `normalise`).
 */
export const ALIASES: Record<TableName, Record<string, string>> = {
	incidents: {
		event_id: 'incident_id',
		id: 'incident_id',
		date: 'event_date',
		place: 'place_id',
		source_id: 'source_ids',
		assoc_actor1: 'assoc_actor_1',
		killed: 'fatalities',
		deaths: 'fatalities',
		wounded: 'injuries',
		injured: 'injuries',
		note: 'notes'
	},
	places: {
		location: 'name_en',
		name: 'name_en',
		lat: 'latitude',
		lon: 'longitude',
		lng: 'longitude',
		long: 'longitude',
		governorate: 'admin1',
		district: 'admin2'
	},
	actors: { name: 'actor', actor_name: 'actor', inter: 'acled_inter', inter1: 'acled_inter' },
	targets: { name: 'target', type: 'target_type' },
	reports: { id: 'report_id', source: 'outlet', date: 'published' }
};

/** Case, surrounding space, a BOM and separators do not matter: 'Event Date' = 'event_date'. */
export function normalise(name: string): string {
	return name
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/[\s\-.]+/g, '_');
}

/** For each file column, the table column it fills, or null (dropped). */
export type Mapping = (string | null)[];

/** Where each header name goes in `table`: exact names first, then aliases, then remembered choices. */
export function mapHeader(
	header: readonly string[],
	table: TableName,
	remembered: Record<string, string | null> = {}
): Mapping {
	const names = new Set(TABLE_COLUMNS[table].map((c) => c.name));
	const taken = new Set<string>();
	const guess = (name: string): string | null => {
		const key = normalise(name);
		if (key in remembered) return remembered[key] ?? null;
		if (names.has(key)) return key;
		return ALIASES[table][key] ?? null;
	};
	// Exact names win over aliases: 'id' must not take incident_id when the file also has incident_id.
	const exact = header.map((h) => (names.has(normalise(h)) ? normalise(h) : null));
	for (const e of exact) if (e) taken.add(e);
	return header.map((h, i) => {
		if (exact[i]) return exact[i];
		const target = guess(h);
		if (!target || taken.has(target) || !names.has(target)) return null;
		taken.add(target);
		return target;
	});
}

/**
 * Columns a header must carry to be taken for one of the codebook tables
 * without the user saying so: for incidents its id, date and event type
 * (ACLED's event_id_cnty, event_date, event_type map onto them); for the
 * other tables their key. The generic names `id`, `date` and `name` fill a
 * column once the table is chosen but never decide it: a file of ids, dates
 * and prices is any CSV, not incidents or reports.
 */
export const KEY_COLUMNS: Record<TableName, readonly string[]> = {
	incidents: ['incident_id', 'event_date', 'event_type'],
	places: ['place_id'],
	actors: ['actor'],
	targets: ['target'],
	reports: ['report_id']
};

const GENERIC = new Set(['id', 'date', 'name']);

/** A detected table and the header names that decided it ("incident_id ← event_id_cnty"). */
export interface Detected {
	table: TableName;
	because: string[];
}

/**
 * The codebook table a header belongs to: one whose key columns are all
 * present and that fills the most columns (at least three); null for any
 * other CSV. `because` names the key columns found, for the upload card.
 */
export function detectTable(header: readonly string[]): Detected | null {
	let best: { table: TableName; score: number; because: string[] } | null = null;
	for (const table of Object.keys(TABLE_COLUMNS) as TableName[]) {
		const mapping = mapHeader(header, table);
		const keys = KEY_COLUMNS[table];
		const named = (k: string) => {
			const i = mapping.indexOf(k);
			return i >= 0 && !GENERIC.has(normalise(header[i]!));
		};
		// ACLED's event_id_cnty is the same id as incident_id (ingest/derive.ts copies it over).
		const idFrom = (k: string) =>
			table === 'incidents' && k === 'incident_id' && !named(k) ? 'event_id_cnty' : k;
		if (!keys.every((k) => named(idFrom(k)))) continue;
		const score = mapping.filter(Boolean).length;
		const because = keys.map((k) => {
			const h = header[mapping.indexOf(idFrom(k))]!.trim();
			return h === k ? k : `${k} ← ${h}`;
		});
		if (score >= Math.min(3, TABLE_COLUMNS[table].length) && (!best || score > best.score))
			best = { table, score, because };
	}
	return best ? { table: best.table, because: best.because } : null;
}

/** Header names that occur more than once (ignoring case and surrounding space), with their positions (1-based). */
export function duplicateNames(header: readonly string[]): { name: string; columns: number[] }[] {
	const seen = new Map<string, number[]>();
	header.forEach((h, i) => {
		const key = normalise(h);
		if (key) seen.set(key, [...(seen.get(key) ?? []), i + 1]);
	});
	return [...seen.values()]
		.filter((cols) => cols.length > 1)
		.map((cols) => ({ name: header[cols[0]! - 1]!.trim(), columns: cols }));
}

/** A DuckDB table name from a file name: lower-case letters, digits and '_', not starting with a digit. */
export function tableNameFor(fileName: string): string {
	const base = asciiId(fileName.replace(/\.[^.]*$/, ''), /[^a-z0-9_]+/g, '_', 60);
	if (!base) return 'upload';
	return /^[0-9]/.test(base) ? `t_${base}` : base;
}
