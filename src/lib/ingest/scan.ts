/**
 * One pass over an uploaded file: decode, make line endings uniform, split
 * records, find the header, and hand the rows to the table reader. The
 * pipeline (./pipeline.ts) runs it, and runs it again when the whole file
 * shows that a first decision was wrong (encoding) or that DuckDB must be
 * given a rewritten copy (mixed line endings, blank lines, a `sep=` line).
 */
import { RecordReader } from './csv-stream';
import { decodeChunks, type TextChunk } from './decode';
import { detectDialect, DELIMITERS, type Delimiter } from './dialect';
import type { Encoding } from './encoding';
import { detectTable, duplicateNames, mapHeader } from './headers';
import { LineEndings } from './line-endings';
import { Failure, type Batch, type Validate } from './batch';
import { readTable } from './read-table';
import { readOther } from './read-other';
import type { FileKind, Inspection, Note, ParseOptions, ParseSummary, Progress } from './types';

export interface ScanSettings {
	encoding: Encoding;
	bom: number;
	/** Write a clean UTF-8 copy for DuckDB even when the original could be read as it is. */
	rewrite: boolean;
	chunkBytes: number;
	options: ParseOptions;
	validate: Validate;
	onProgress: (p: Progress) => void;
}

/** Excel's first line naming the delimiter, e.g. `sep=;`. */
const SEP_LINE = /^sep=(.)\n/i;

export async function scan(file: File, s: ScanSettings): Promise<ParseSummary> {
	const fail = (f: Omit<ConstructorParameters<typeof Failure>[0], 'file'>) =>
		new Failure({ file: file.name, ...f });
	const endings = new LineEndings();
	const chunks = uniformText(
		decodeChunks(file, s.encoding, s.bom, s.chunkBytes),
		endings,
		s.encoding
	);
	const first = await chunks.next().catch((error: unknown) => {
		if (!(error instanceof NulError)) throw error;
		throw nulFailure(file, error, new RecordReader(detectDialect(error.before)));
	});
	let text = first.done ? '' : first.value.text;
	if (!text.trim() && file.size - s.bom <= s.chunkBytes) throw fail({ code: 'empty' });
	const notes: Note[] = [];
	const sep = SEP_LINE.exec(text);
	const sepDelimiter = DELIMITERS.find((d) => d === sep?.[1]);
	if (sep && sepDelimiter) {
		text = text.slice(sep[0].length);
		notes.push({ key: 'sep', value: sep[0].trim() });
	}
	const delimiter: Delimiter =
		s.options.delimiter ?? sepDelimiter ?? detectDialect(text.slice(0, 1024 * 1024)).delimiter;
	const reader = new RecordReader({ delimiter, linebreak: '\n' });
	const blanks: number[] = [];
	const stream = records(
		text,
		first.done ? file.size : first.value.bytesRead,
		file,
		chunks,
		reader,
		blanks
	);
	// The header is the first non-blank record; it may take more than one chunk to arrive.
	let head: Batch | undefined;
	// (Not `for await … break`: breaking out would close the generator for the rows after.)
	for (let next = await stream.next(); !next.done;) {
		const batch = next.value;
		head = head ? { ...batch, rows: [...head.rows, ...batch.rows], first: head.first } : batch;
		if (head.rows.some((r) => r.length > 0)) break;
		next = await stream.next();
	}
	const rowsIn = head?.rows ?? [];
	const headerAt = rowsIn.findIndex((r) => r.length > 0);
	if (headerAt < 0) throw fail({ code: 'empty' });
	if (headerAt > 0) notes.push({ key: 'blank-before-header', count: headerAt, row: headerAt + 1 });
	const header = rowsIn[headerAt]!.map((h) => h.replace(/^\uFEFF/, '').trim());
	const duplicate = duplicateNames(header)[0];
	if (duplicate)
		throw fail({
			code: 'duplicate-header',
			column: duplicate.name,
			detail: duplicate.columns.join(', ')
		});
	const detected = detectTable(header);
	const kind: FileKind = s.options.kind ?? detected?.table ?? 'table';
	if (!s.options.kind && detected)
		notes.push({ key: 'detected', table: detected.table, value: detected.because.join(', ') });
	const inspection: Inspection = {
		file: file.name,
		bytes: file.size,
		encoding: s.encoding,
		bom: s.bom,
		delimiter,
		linebreak: '\n',
		header,
		kind,
		mapping:
			kind === 'table'
				? null
				: (s.options.mapping ?? mapHeader(header, kind, s.options.remembered?.[kind]))
	};
	const body: Batch = {
		rows: rowsIn.slice(headerAt + 1),
		first: head!.first + headerAt + 1,
		bytesRead: head!.bytesRead
	};
	// Written afresh when the encoding is not UTF-8, or asked for (second pass).
	const rewrite = s.rewrite || s.encoding !== 'utf-8' || sep !== null;
	const summary =
		kind === 'table'
			? await readOther(file, inspection, body, stream, { rewrite, onProgress: s.onProgress })
			: await readTable(file, inspection, body, stream, { ...s, rewrite });
	// The delimiter came from the start of the file: rows further on that do not split into the
	// header's columns with it are errors already; the card also says the delimiter may be wrong.
	const ragged = summary.issues.filter((i) => i.code === 'cell-count');
	if (!s.options.delimiter && !sepDelimiter && ragged.length)
		notes.push({
			key: 'delimiter-disagrees',
			value: delimiter,
			count: ragged.length,
			row: ragged[0]!.row
		});
	const uniform = endings.uniform;
	if (uniform === null) notes.push({ key: 'mixed-endings', value: describe(endings.counts) });
	if (reader.blank > headerAt) notes.push({ key: 'blank-lines', count: reader.blank - headerAt });
	// DuckDB reads the original bytes only when they are exactly what was parsed here, with LF
	// endings: DuckDB 1.5 with auto_detect off and new_line '\r\n' reads no rows at all
	// (checked with @duckdb/node-api 1.5.5), so CRLF files are given to it rewritten.
	const clean = uniform === '\n' && reader.blank === 0 && sep === null;
	return {
		...summary,
		notes: [...notes, ...summary.notes],
		linebreak: uniform ?? '\n',
		load: { delimiter: summary.output ? ',' : delimiter, newLine: '\n' },
		needsRewrite: !clean && summary.output === null,
		firstRow: body.first,
		blankRows: blanks.filter((r) => r > body.first - 1)
	};
}

function describe(c: { lf: number; crlf: number; cr: number }): string {
	return [c.lf && `LF ×${c.lf}`, c.crlf && `CRLF ×${c.crlf}`, c.cr && `CR ×${c.cr}`]
		.filter(Boolean)
		.join(', ');
}

/** A NUL character: the file is not text, wherever it sits. */
export class NulError extends Error {
	constructor(
		readonly byteOffset: number,
		readonly before: string
	) {
		super(`NUL byte at ${byteOffset}`);
	}
}

/** Decoded chunks with uniform line endings; throws NulError at the first NUL. */
async function* uniformText(
	chunks: AsyncGenerator<TextChunk>,
	endings: LineEndings,
	encoding: Encoding
): AsyncGenerator<TextChunk> {
	let start = 0;
	for await (const c of chunks) {
		const nul = c.text.indexOf('\0');
		if (nul >= 0) {
			const before = c.text.slice(0, nul);
			throw new NulError(start + byteLength(before, encoding), endings.push(before));
		}
		start = c.bytesRead;
		yield { text: endings.push(c.text), bytesRead: c.bytesRead };
	}
	const rest = endings.end();
	if (rest) yield { text: rest, bytesRead: start };
}

function byteLength(text: string, encoding: Encoding): number {
	if (encoding === 'utf-8') return new TextEncoder().encode(text).length;
	return encoding.startsWith('utf-16') ? text.length * 2 : text.length;
}

async function* records(
	firstText: string,
	firstBytes: number,
	file: File,
	chunks: AsyncGenerator<TextChunk>,
	reader: RecordReader,
	blanks: number[]
): AsyncGenerator<Batch> {
	const noteBlanks = (b: { rows: string[][]; first: number }) => {
		b.rows.forEach((r, i) => r.length === 0 && blanks.push(b.first + i));
		return b;
	};
	try {
		yield { ...noteBlanks(reader.push(firstText)), bytesRead: firstBytes };
		for await (const c of chunks)
			yield { ...noteBlanks(reader.push(c.text)), bytesRead: c.bytesRead };
		yield { ...noteBlanks(reader.end()), bytesRead: file.size };
	} catch (error) {
		if (!(error instanceof NulError)) throw error;
		throw nulFailure(file, error, reader);
	}
}

/** "Not a text file", with the byte and the row of the NUL (the records before it, plus one). */
function nulFailure(file: File, error: NulError, reader: RecordReader): Failure {
	try {
		reader.push(error.before);
	} catch {
		// A broken quote before the NUL: the row count so far still places it.
	}
	return new Failure({
		file: file.name,
		code: 'binary',
		row: reader.row + 1,
		detail: String(error.byteOffset)
	});
}
