import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import Papa from 'papaparse';

/** What the prerendered shell says about the shipped data before the engine is up. */
export interface ShippedSummary {
	incidents: number;
	reports: number;
	first: string | null;
	last: string | null;
	changed: string;
}

function readCsv(path: string): Record<string, string>[] {
	return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;
}

/** The date data/ last changed: its last commit, or the file's mtime outside a git checkout. */
function lastChanged(): string {
	try {
		const out = execFileSync('git', ['log', '-1', '--format=%cs', '--', 'data'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
		if (out) return out;
	} catch {
		// not a git checkout: fall through
	}
	return statSync('data/incidents.csv').mtime.toISOString().slice(0, 10);
}

/** Read at build time (prerendering); never shipped to the browser as code. */
export function shippedSummary(): ShippedSummary {
	const incidents = readCsv('data/incidents.csv');
	const dates = incidents
		.map((r) => r.event_date ?? '')
		.filter(Boolean)
		.sort();
	return {
		incidents: incidents.length,
		reports: readCsv('data/reports.csv').length,
		first: dates[0] ?? null,
		last: dates.at(-1) ?? null,
		changed: lastChanged()
	};
}
