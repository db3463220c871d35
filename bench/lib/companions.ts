import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

/** The companion-table rows the generator refers to (ids exactly as in data/). */
export interface Companions {
	actors: { actor: string; name_ar: string; side: string; acled_inter?: string }[];
	targets: { target: string; name_ar: string; target_type: string; place_id: string }[];
	places: { place_id: string; name_ar: string }[];
	reports: { report_id: string; published: string; date_confidence: string }[];
}

function read<T>(dir: string, table: string): T[] {
	const rows = Papa.parse<T>(readFileSync(join(dir, `${table}.csv`), 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;
	if (rows.length === 0) throw new Error(`${join(dir, table)}.csv has no rows`);
	return rows;
}

/** Read the companion tables from a data directory (data/ by default) at generation time. */
export function readCompanions(dir = 'data'): Companions {
	return {
		actors: read(dir, 'actors'),
		targets: read(dir, 'targets'),
		places: read(dir, 'places'),
		reports: read(dir, 'reports')
	};
}
