import Papa from 'papaparse';
import type { Dialect } from './dialect';

/** A structural problem that makes the file unreadable as CSV, at a spreadsheet row (header = 1). */
export class CsvError extends Error {
	constructor(
		readonly code: 'row-too-long' | 'unterminated-quote' | 'malformed-quote',
		readonly row: number
	) {
		super(`${code} at row ${row}`);
	}
}

/** No real row is this long; a longer one is an unclosed quote or not a CSV (checked: 50 MB one-line file). */
export const MAX_ROW_CHARS = 8 * 1024 * 1024;

/**
 * RFC 4180 records from text that arrives in pieces, using PapaParse's core
 * parser. A record cut by a piece boundary (even inside a quoted field with
 * newlines) is carried over and parsed again with the next piece, as
 * PapaParse's own streamers do. Rows are numbered as in a spreadsheet: the
 * header is row 1, and a quoted newline does not start a new row.
 */
export class RecordReader {
	#parser: Papa.Parser;
	#partial = '';
	#base = 0;
	#rows = 0;
	#columns = 0;
	#blank = 0;
	#maxRowChars: number;

	constructor(dialect: Dialect, maxRowChars = MAX_ROW_CHARS) {
		this.#parser = new Papa.Parser({
			delimiter: dialect.delimiter,
			newline: dialect.linebreak,
			quoteChar: '"',
			escapeChar: '"'
		});
		this.#maxRowChars = maxRowChars;
	}

	/** Blank or whitespace-only lines skipped so far. */
	get blank(): number {
		return this.#blank;
	}

	/** Spreadsheet row number of the last record returned. */
	get row(): number {
		return this.#rows;
	}

	/** Parse the next piece; returns the records it completes, each with its row number. */
	push(text: string): { rows: string[][]; first: number } {
		const out = this.#parse(this.#partial + text, true);
		if (this.#partial.length > this.#maxRowChars) {
			const quoted = this.#partial.includes('"');
			throw new CsvError(quoted ? 'unterminated-quote' : 'row-too-long', this.#rows + 1);
		}
		return out;
	}

	/**
	 * The records left when the text has ended. A last record cut inside its
	 * quotes on its own line (an interrupted download) is returned as it is,
	 * with its row as `truncated`; an open quote that spans lines stays an error.
	 */
	end(): { rows: string[][]; first: number; truncated?: number } {
		const out = this.#parse(this.#partial, false);
		this.#partial = '';
		return out;
	}

	#parse(input: string, more: boolean): { rows: string[][]; first: number; truncated?: number } {
		const result = this.#parser.parse(input, this.#base, more) as Papa.ParseResult<string[]>;
		const first = this.#rows + 1;
		let truncated: number | undefined;
		for (const e of result.errors) {
			// An error in the unfinished last row is looked at again once the row is complete.
			if (more && (e.row ?? 0) >= result.data.length) continue;
			const row = first + (e.row ?? 0);
			if (e.code === 'MissingQuotes' && !more && cutShort(result.data, e.row ?? 0)) {
				truncated = row;
				continue;
			}
			if (e.code === 'MissingQuotes') throw new CsvError('unterminated-quote', row);
			if (e.code === 'InvalidQuotes') throw new CsvError('malformed-quote', row);
		}
		const rows: string[][] = [];
		const data = result.data;
		// A final line break ends the last record; it does not start an empty one.
		const last = !more && data.length && isEmpty(data.at(-1)!) ? data.length - 1 : data.length;
		for (let i = 0; i < last; i++) {
			const record = data[i]!;
			// Blank and whitespace-only lines (before the header too) are skipped, but still
			// counted as spreadsheet rows. In a one-column file, after the header, they are values.
			if (this.#columns !== 1 && isBlank(record)) {
				this.#blank++;
				rows.push([]);
				continue;
			}
			if (this.#columns === 0) this.#columns = record.length;
			rows.push(record);
		}
		if (more) {
			const cursor = result.meta.cursor;
			this.#partial = input.substring(cursor - this.#base);
			this.#base = cursor;
		}
		this.#rows += rows.length;
		return truncated === undefined ? { rows, first } : { rows, first, truncated };
	}
}

/** The record at `i` is the file's last and holds no line break: a line cut short, not a quote left open. */
function cutShort(data: string[][], i: number): boolean {
	const record = data[i];
	return i === data.length - 1 && !!record && !record.some((c) => /[\r\n]/.test(c));
}

const isEmpty = (record: string[]) => record.length === 1 && record[0] === '';
const isBlank = (record: string[]) => record.length === 1 && record[0]!.trim() === '';
