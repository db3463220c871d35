/**
 * The bulk path in the upload page's state: a file the worker planned for
 * DuckDB (../ingest/bulk.ts) is staged and checked there, and its card gets
 * the same summary a parsed file gets, plus the totals and the complete
 * problems file. A file DuckDB or the checks decline goes the JavaScript way.
 */
import type { BulkPlan } from '$lib/ingest/bulk';
import { problemsCsv } from '$lib/export/problems';
import type { ParseOptions, ParseSummary } from '$lib/ingest/types';
import type { BulkStaged } from '$lib/db/upload-session';
import type { UploadJob } from './upload.svelte';

/** The card's summary of a file read on the bulk path. */
export function bulkSummary(plan: BulkPlan, r: BulkStaged): ParseSummary {
	const blank = plan.blankRows.length;
	return {
		file: plan.file,
		bytes: plan.bytes,
		encoding: 'utf-8',
		bom: plan.bom,
		delimiter: plan.delimiter,
		linebreak: '\n',
		header: plan.header,
		kind: plan.kind,
		mapping: plan.header,
		notes: [
			{ key: 'detected', table: plan.kind, value: plan.because.join(', ') },
			{ key: 'bulk', bytes: plan.bytes },
			...(blank ? [{ key: 'blank-lines' as const, count: blank }] : [])
		],
		firstRow: 2,
		blankRows: plan.blankRows,
		load: { delimiter: plan.delimiter, newLine: '\n' },
		rows: plan.rows,
		columns: plan.header,
		preview: r.checked.preview,
		issues: r.checked.issues,
		errors: r.checked.errors,
		warnings: r.checked.warnings,
		unknown: r.checked.unknown,
		output: null,
		...(plan.kind === 'incidents' ? { origin: 'raqib' as const } : {}),
		placeMatches: [],
		actorMatches: [],
		newPlaces: [],
		skipped: null,
		fileErrors: 0,
		extra: null,
		totals: r.checked.totals,
		problemsFile: r.problems
	};
}

/**
 * Stage a planned file. Returns false when the bulk path declines it (the
 * caller reads it the JavaScript way); otherwise the job holds the summary
 * and, when nothing blocks, the staged rows and their diff.
 */
export async function readBulk(
	job: UploadJob,
	plan: BulkPlan,
	options: ParseOptions,
	current: () => boolean
): Promise<boolean> {
	const db = await import('$lib/db/upload-session');
	job.phase = 'staging';
	let r: BulkStaged;
	try {
		r = await db.stageBulk(job.file, plan, options.known, options.today ?? '', problemsCsv);
	} catch (error) {
		if (error instanceof db.BulkDeclined) return false;
		throw error;
	}
	if (!current()) {
		if (r.staged) void db.discard(r.staged);
		return true;
	}
	job.summary = bulkSummary(plan, r);
	job.staged = r.staged;
	job.diff = r.diff;
	return true;
}
