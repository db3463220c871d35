import { decodeChunks } from './decode';
import { Failure, type Batch } from './batch';
import {
	MAX_ISSUES,
	PREVIEW_ROWS,
	type Inspection,
	type Issue,
	type ParseSummary,
	type Progress
} from './types';

/**
 * Any other CSV: every record is parsed here only to check its structure (a
 * ragged row or an unclosed quote is reported with its row, which DuckDB's
 * sniffer cannot do); DuckDB then reads the rows and infers the types.
 */
export async function readOther(
	file: File,
	inspection: Inspection,
	body: Batch,
	stream: AsyncGenerator<Batch>,
	onProgress: (p: Progress) => void
): Promise<ParseSummary> {
	const width = inspection.header.length;
	const preview: string[][] = [];
	const issues: Issue[] = [];
	let errors = 0;
	let rows = 0;
	const take = (batch: Batch) => {
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
					problem: `has ${r.length} cells; the header has ${width}`,
					severity: 'error'
				});
		});
		onProgress({ bytesRead: batch.bytesRead, bytes: file.size, rows });
	};
	take(body);
	for await (const batch of stream) take(batch);
	if (rows === 0) throw new Failure({ file: file.name, code: 'no-rows' });
	let output: Blob | null = null;
	if (inspection.encoding !== 'utf-8') {
		// DuckDB reads UTF-8 only: decode the whole file again, slice by slice, into a UTF-8 copy.
		const parts: string[] = [];
		for await (const c of decodeChunks(file, inspection.encoding, inspection.bom))
			parts.push(c.text);
		output = new Blob(parts, { type: 'text/csv' });
	}
	return {
		...inspection,
		rows,
		columns: inspection.header,
		preview,
		issues,
		errors,
		warnings: 0,
		unknown: [],
		extra: null,
		output
	};
}
