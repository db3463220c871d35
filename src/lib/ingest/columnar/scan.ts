/**
 * A Parquet or Arrow upload through the same steps as a CSV one (see
 * ../pipeline.ts): the file's columns are the header, the kind of table is
 * detected from them and mapped the same way, and the rows go, as text
 * cells (./format.ts), to the same readers: codebook tables are validated
 * row by row by the shared rules and written out as the clean CSV that
 * DuckDB stages; any other table is checked for its shape and keeps the
 * file's own column types (`columnTypes`), each still proven by the
 * exactness check before the table is created (../../db/exact.ts).
 *
 * Rows are numbered by record: row 1 is the first row of data (a columnar
 * file has no header line and no spreadsheet rows).
 */
import { duplicateNames, detectTable, mapHeader } from '../headers';
import { Failure, type Batch, type Validate } from '../batch';
import { readTable } from '../read-table';
import { readOther } from '../read-other';
import type { FileKind, Inspection, Note, ParseOptions, ParseSummary, Progress } from '../types';
import { readArrow } from './arrow';
import { readParquet } from './parquet';
import { ColumnarError, type ColumnarFormat, type ColumnarSource } from './source';

export { claimedFormat, columnarFormat } from './source';

export async function scanColumnar(
	file: File,
	format: ColumnarFormat,
	options: ParseOptions,
	validate: Validate,
	onProgress: (p: Progress) => void
): Promise<ParseSummary> {
	try {
		const source = format === 'parquet' ? await readParquet(file) : await readArrow(file);
		const summary = await once(file, source, options, validate, onProgress);
		// Numeric dates written as text wait for the whole column to settle day/month order.
		const order = summary.dateOrderFound;
		return order && !options.dateOrder
			? await once(file, source, { ...options, dateOrder: order }, validate, onProgress)
			: summary;
	} catch (error) {
		if (error instanceof Failure) throw error;
		if (error instanceof ColumnarError)
			throw new Failure({
				file: file.name,
				code: 'columnar',
				...(error.column ? { column: error.column } : {}),
				detail: error.column ? `column "${error.column}" ${error.message}` : error.message
			});
		throw new Failure({
			file: file.name,
			code: 'columnar',
			detail: error instanceof Error ? error.message : String(error)
		});
	}
}

async function once(
	file: File,
	source: ColumnarSource,
	options: ParseOptions,
	validate: Validate,
	onProgress: (p: Progress) => void
): Promise<ParseSummary> {
	const header = source.columns.map((c) => c.name.trim());
	const duplicate = duplicateNames(header)[0];
	if (duplicate)
		throw new Failure({
			file: file.name,
			code: 'duplicate-header',
			column: duplicate.name,
			detail: duplicate.columns.join(', ')
		});
	const notes: Note[] = [{ key: 'columnar', value: source.format, detail: source.detail }];
	const detected = detectTable(header);
	const kind: FileKind = options.kind ?? detected?.table ?? 'table';
	if (!options.kind && detected)
		notes.push({ key: 'detected', table: detected.table, value: detected.because.join(', ') });
	const inspection: Inspection = {
		file: file.name,
		bytes: file.size,
		encoding: 'utf-8',
		bom: 0,
		delimiter: ',',
		linebreak: '\n',
		header,
		kind,
		mapping:
			kind === 'table'
				? null
				: (options.mapping ?? mapHeader(header, kind, options.remembered?.[kind]))
	};
	const stream = batches(source, file.size);
	const first = await stream.next();
	const body: Batch = first.done ? { rows: [], first: 1, bytesRead: file.size } : first.value;
	const summary =
		kind === 'table'
			? await readOther(file, inspection, body, stream, { rewrite: true, onProgress })
			: await readTable(file, inspection, body, stream, {
					options,
					validate,
					onProgress,
					rewrite: true
				});
	return {
		...summary,
		notes: [...notes, ...summary.notes],
		load: { delimiter: ',', newLine: '\n' },
		firstRow: 1,
		blankRows: [],
		...(kind === 'table' ? { columnTypes: source.columns.map((c) => c.type) } : {})
	};
}

/** The source's rows as numbered batches (record 1 first), with progress counted in rows. */
async function* batches(source: ColumnarSource, bytes: number): AsyncGenerator<Batch> {
	let first = 1;
	for await (const rows of source.batches()) {
		const done = first - 1 + rows.length;
		yield {
			rows,
			first,
			bytesRead: source.rows ? Math.round((bytes * done) / source.rows) : bytes
		};
		first += rows.length;
	}
}
