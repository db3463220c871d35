/**
 * The bulk path's plan (./pipeline.ts, "At DuckDB's speed"), made in the
 * upload worker: whether a file can go straight into DuckDB, and what DuckDB
 * must then be told. The start of the file decides only what the rest cannot
 * contradict (the header); the rest is checked over every byte
 * (./bulk-scan.ts) or by DuckDB's strict read, and any doubt sends the file
 * down the JavaScript path, which words every case.
 */
import Papa from 'papaparse';
import { TABLE_COLUMNS, type TableName } from '../schema/tables';
import { CHUNK_BYTES } from './decode';
import { detectDialect, type Delimiter } from './dialect';
import { detectEncoding, notText } from './encoding';
import { detectTable, duplicateNames } from './headers';
import { acledLayout } from './incident-import';
import { RecordScan } from './bulk-scan';
import { claimedFormat, columnarFormat } from './columnar/source';
import type { ParseOptions, Progress } from './types';

/** Files smaller than this are read by the JavaScript path: it is fast enough there and words everything. */
export const BULK_MIN_BYTES = 4 * 1024 * 1024;

/** How DuckDB reads a file on the bulk path. */
export interface BulkPlan {
	file: string;
	bytes: number;
	/** Bytes of UTF-8 byte-order mark to skip. */
	bom: number;
	delimiter: Delimiter;
	kind: TableName;
	/** The header as written (trimmed): the table's own columns in order. */
	header: string[];
	/** Data records, counted over the whole file (DuckDB must read as many). */
	rows: number;
	/** Spreadsheet rows of the blank lines after the header, ascending (./rows.ts). */
	blankRows: number[];
	/** Key columns that decided the table, for the card. */
	because: string[];
}

/** Options only the JavaScript path honours (an edited mapping, kept columns, skipping, another encoding). */
function wantsJs(o: ParseOptions): boolean {
	return (
		o.bulk === false ||
		!!o.mapping ||
		!!o.keep?.length ||
		!!o.skipInvalid ||
		(o.encoding !== undefined && o.encoding !== 'utf-8')
	);
}

/** The plan for `file`, or null when the JavaScript path must read it. */
export async function planBulk(
	file: Blob & { name: string },
	options: ParseOptions,
	onProgress: (p: Progress) => void = () => {},
	minBytes = BULK_MIN_BYTES
): Promise<BulkPlan | null> {
	if (file.size < minBytes || wantsJs(options)) return null;
	const head = new Uint8Array(await file.slice(0, CHUNK_BYTES).arrayBuffer());
	// Parquet and Arrow files have their own reader (./columnar/), whatever the name says.
	if (notText(head) || columnarFormat(head) || claimedFormat(file.name)) return null;
	const guess = detectEncoding(head.subarray(0, 64 * 1024));
	if (guess.encoding !== 'utf-8') return null;
	const headerEnd = head.indexOf(0x0a, guess.bom);
	if (headerEnd < 0) return null;
	let text: string;
	try {
		// The sample may end inside a character: decode only up to its last line break.
		const last = head.lastIndexOf(0x0a);
		text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(guess.bom, last + 1));
	} catch {
		return null;
	}
	// Excel's `sep=` line, a blank line before the header, a quoted header: the JavaScript path.
	const line = text.slice(0, text.indexOf('\n'));
	if (/^sep=/i.test(line) || line.trim() === '' || /["\r\0]/.test(line)) return null;
	const delimiter = options.delimiter ?? detectDialect(text).delimiter;
	const header = (Papa.parse<string[]>(line, { delimiter }).data[0] ?? []).map((h) => h.trim());
	if (duplicateNames(header).length) return null;
	const detected = detectTable(header);
	const kind = options.kind ?? detected?.table;
	if (!kind || kind === 'table' || !detected || detected.table !== kind) return null;
	const columns = TABLE_COLUMNS[kind].map((c) => c.name);
	if (header.length !== columns.length || header.some((h, i) => h !== columns[i])) return null;
	if (kind === 'incidents' && acledLayout(header)) return null;
	const scan = new RecordScan(delimiter.charCodeAt(0));
	for (let at = headerEnd + 1; at < file.size && !scan.anomaly; at += CHUNK_BYTES) {
		scan.push(new Uint8Array(await file.slice(at, at + CHUNK_BYTES).arrayBuffer()));
		onProgress({ bytesRead: Math.min(at + CHUNK_BYTES, file.size), bytes: file.size, rows: 0 });
	}
	const result = scan.end();
	if (result.anomaly || result.records === 0) return null;
	return {
		file: file.name,
		bytes: file.size,
		bom: guess.bom,
		delimiter,
		kind,
		header,
		rows: result.records,
		// The j-th blank line, after k records: the header's row 1, k records and j blanks before it.
		blankRows: result.blankAfter.map((k, j) => k + j + 2),
		because: detected.because
	};
}
