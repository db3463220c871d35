import { join } from 'node:path';
import { writeIncidentsCsv } from './write-csv';

/** Everything a scenario may use; built once per run by bench/run.ts. */
export interface BenchContext {
	quick: boolean;
	seed: number;
	/** The built app (build/), served with its real headers. */
	appUrl: string;
	buildDir: string;
	/** The bench page (bench/results/page), served the same way; generated CSVs live under /data/. */
	pageUrl: string;
	pageDir: string;
	/** Sizes written as CSV and loaded the way a user would, and sizes built inside the engines with SQL. */
	csvSizes: number[];
	sqlSizes: number[];
	/** Repetitions of each timed action (after one warm-up), and cold/warm start runs. */
	reps: number;
	startRuns: number;
	/** Filter changes per size in the dashboard scenario (median and p95 are taken over them). */
	filterChanges: number;
	/** Size of the upload and SQL console scenarios. */
	uploadRows: number;
	log(message: string): void;
	/** The generated CSVs, by row count (written before the servers start). */
	csvs: Map<number, GeneratedCsv>;
	/** The upload size again, as a synthetic file in ACLED's classic layout (bench/lib/acled-layouts.ts). */
	acledCsv: GeneratedCsv;
}

export interface GeneratedCsv {
	rows: number;
	path: string;
	url: string;
	bytes: number;
	seconds: number;
}

/** A short label for a row count: 10k, 1M, 10M. */
export function sizeLabel(rows: number): string {
	if (rows >= 1e6 && rows % 1e6 === 0) return `${rows / 1e6}M`;
	if (rows >= 1e3 && rows % 1e3 === 0) return `${rows / 1e3}k`;
	return String(rows);
}

/**
 * Write the CSVs of every size into the bench page's data/ folder before it is
 * served (the static server lists its files once, at start), so that the
 * page fetches them from its own origin.
 */
export async function generateCsvs(
	pageDir: string,
	seed: number,
	sizes: readonly number[]
): Promise<Map<number, Omit<GeneratedCsv, 'url'>>> {
	const out = new Map<number, Omit<GeneratedCsv, 'url'>>();
	for (const rows of new Set(sizes)) {
		const path = join(pageDir, 'data', csvName(rows, seed));
		const r = await writeIncidentsCsv({ rows, seed, out: path });
		out.set(rows, { rows, path, bytes: r.bytes, seconds: r.seconds });
	}
	return out;
}

export const csvName = (rows: number, seed: number) =>
	`incidents-${sizeLabel(rows)}-seed${seed}.csv`;
