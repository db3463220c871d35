/**
 * Every CSV DuckDB reads for Raqib is read through `readCsvExact`: the whole
 * dialect is given, so DuckDB's sniffer decides nothing and the bytes DuckDB
 * reads are split exactly as the upload's parser split them.
 */
import { quoteIdent, quoteLiteral } from '$lib/query/sql';
import type { Connector } from './connector';

/**
 * How a CSV is written: its delimiter and its one line ending (quote and
 * escape are always `"`). Uploads are always given with LF: DuckDB 1.5 with
 * new_line '\r\n' and auto_detect off reads no rows (the row-count check
 * would stop it), so CRLF files are rewritten by the upload worker.
 */
export interface CsvDialect {
	delimiter: string;
	newLine: '\n' | '\r\n' | '\r';
}

/** Raqib's own files and every rewritten upload: comma, LF. */
export const PLAIN: CsvDialect = { delimiter: ',', newLine: '\n' };

const ESCAPED: Record<CsvDialect['newLine'], string> = {
	'\n': '\\n',
	'\r\n': '\\r\\n',
	'\r': '\\r'
};

/**
 * `read_csv(…)` of a registered UTF-8 file with a header line, with every
 * option explicit:
 * - auto_detect off: no sniffing of dialect or types; `columns` names and types every column;
 * - header, skip 0: the first line is the header, and no line is skipped before it;
 * - delim, quote and escape `"` (RFC 4180 doubling), new_line: the parser's own dialect;
 * - comment '': no character starts a comment (a `#hashtag` row is a row);
 * - encoding utf-8: the upload worker has already converted anything else;
 * - strict_mode: a ragged row or stray quote is an error, not a padded or merged row.
 * Empty fields are NULL (DuckDB's default), quoted or not.
 */
export function readCsvExact(
	file: string,
	dialect: CsvDialect,
	columns: readonly (readonly [string, string])[]
): string {
	const spec = columns.map(([n, t]) => `${quoteLiteral(n)}: ${quoteLiteral(t)}`).join(', ');
	return `read_csv(${quoteLiteral(file)}, auto_detect = false, header = true, skip = 0, delim = ${quoteLiteral(dialect.delimiter)}, quote = '"', escape = '"', new_line = '${ESCAPED[dialect.newLine]}', comment = '', encoding = 'utf-8', strict_mode = true, columns = {${spec}})`;
}

/** The staged copy has a different number of rows than the parser counted: nothing is applied. */
export class RowCountError extends Error {
	constructor(
		readonly parsed: number,
		readonly stored: number
	) {
		super(`the file has ${parsed} rows, but the query engine read ${stored}`);
	}
}

/** Name of the record-number column of a text staging table (1 = first data record). */
export const RECORD = '__record';

/**
 * Read a file as text (every column VARCHAR) into TEMP table `into`, with a
 * record number per row, and check that DuckDB read as many rows as the
 * parser counted (`expected`; skipped when undefined, e.g. replaying a saved upload).
 */
export async function stageText(
	conn: Connector,
	file: string,
	dialect: CsvDialect,
	names: readonly string[],
	into: string,
	expected?: number
): Promise<void> {
	const source = readCsvExact(
		file,
		dialect,
		names.map((n) => [n, 'VARCHAR'] as const)
	);
	// row_number() over the scan: DuckDB keeps file order (preserve_insertion_order is on by default).
	await conn.exec(
		`CREATE OR REPLACE TEMP TABLE ${quoteIdent(into)} AS SELECT row_number() OVER () AS ${RECORD}, * FROM ${source}`
	);
	if (expected === undefined) return;
	const [r] = await conn.query<{ n: number }>(
		`SELECT count(*)::BIGINT AS n FROM temp.${quoteIdent(into)}`
	);
	const stored = Number(r?.n ?? 0);
	if (stored !== expected) throw new RowCountError(expected, stored);
}
