/**
 * CSV (RFC 4180) and TSV text for a query result: records end with CRLF,
 * fields holding the delimiter, a quote, CR or LF are quoted with inner quotes
 * doubled. NULL is an empty field and an empty string is `""`, as DuckDB's
 * own COPY writes them.
 */
import { neutralise as neutraliseText } from '$lib/csv/spreadsheet-safe';

export interface DelimitedOptions {
	delimiter?: ',' | '\t';
	/** Prefix text that a spreadsheet would run as a formula with `'` ($lib/csv/spreadsheet-safe). */
	safe?: boolean;
	/** Start with a UTF-8 byte order mark so Excel reads the file as UTF-8. */
	bom?: boolean;
}

export interface DelimitedColumn {
	name: string;
	/** Text columns can carry formulas; numbers (e.g. -5) are never rewritten. */
	text: boolean;
}

export const BOM = '\uFEFF';

/** One field, quoted when it must be. */
export function encodeField(value: string | null, delimiter: string, neutralise = false): string {
	if (value === null) return '';
	const v = neutralise ? neutraliseText(value) : value;
	const mustQuote =
		v === '' || v.includes(delimiter) || v.includes('"') || v.includes('\n') || v.includes('\r');
	return mustQuote ? `"${v.replaceAll('"', '""')}"` : v;
}

/** The whole document: header record, then one record per row. */
export function writeDelimited(
	columns: readonly DelimitedColumn[],
	rows: Iterable<readonly (string | null)[]>,
	options: DelimitedOptions = {}
): string {
	const { delimiter = ',', safe = true, bom = false } = options;
	const parts: string[] = [bom ? BOM : ''];
	const record = (fields: readonly (string | null)[], isHeader: boolean) =>
		fields
			.map((f, i) => encodeField(f, delimiter, safe && (isHeader || columns[i]!.text)))
			.join(delimiter) + '\r\n';
	parts.push(
		record(
			columns.map((c) => c.name),
			true
		)
	);
	for (const row of rows) parts.push(record(row, false));
	return parts.join('');
}
