import Papa from 'papaparse';
import { Failure, type Batch } from './batch';
import {
	MAX_ISSUES,
	PREVIEW_ROWS,
	type Inspection,
	type Issue,
	type Progress,
	type ReadResult
} from './types';

/**
 * Any other CSV: every record is parsed here to check its structure (a
 * ragged row or an unclosed quote is reported with its row). DuckDB then
 * reads the same records as text, with an explicit dialect, and the column
 * types are chosen over every value (../db/infer-types.ts). When the bytes
 * cannot be given to DuckDB as they are (not UTF-8, mixed line endings,
 * blank lines), the records are written out again as clean UTF-8 CSV.
 */
export async function readOther(
	file: File,
	inspection: Inspection,
	body: Batch,
	stream: AsyncGenerator<Batch>,
	ctx: { rewrite: boolean; onProgress: (p: Progress) => void }
): Promise<ReadResult> {
	const width = inspection.header.length;
	const preview: string[][] = [];
	const issues: Issue[] = [];
	let errors = 0;
	let rows = 0;
	const parts: string[] = ctx.rewrite ? [Papa.unparse([inspection.header]) + '\n'] : [];
	const take = (batch: Batch) => {
		if (ctx.rewrite) {
			const full = batch.rows.filter((r) => r.length > 0);
			if (full.length) parts.push(Papa.unparse(full, { newline: '\n' }) + '\n');
		}
		batch.rows.forEach((r, i) => {
			if (r.length === 0) return;
			rows++;
			if (preview.length < PREVIEW_ROWS) preview.push(r);
			if (r.length === width) return;
			if (errors++ < MAX_ISSUES)
				issues.push({
					file: file.name,
					row: batch.first + i,
					column: '',
					value: '',
					code: 'cell-count',
					params: { cells: r.length, width },
					severity: 'error'
				});
		});
		ctx.onProgress({ bytesRead: batch.bytesRead, bytes: file.size, rows });
	};
	take(body);
	for await (const batch of stream) take(batch);
	if (rows === 0) throw new Failure({ file: file.name, code: 'no-rows' });
	return {
		...inspection,
		notes: [],
		rows,
		columns: inspection.header,
		preview,
		issues,
		errors,
		warnings: 0,
		unknown: [],
		placeMatches: [],
		actorMatches: [],
		newPlaces: [],
		skipped: null,
		fileErrors: 0,
		extra: null,
		output: ctx.rewrite ? new Blob(parts, { type: 'text/csv' }) : null
	};
}
