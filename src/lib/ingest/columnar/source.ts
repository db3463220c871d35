/**
 * What a Parquet or Arrow reader gives the upload: the file's columns with
 * the DuckDB type each keeps, the row count from the file's own metadata, and
 * the rows in batches as text cells (./format.ts; '' for a missing value).
 */

export type ColumnarFormat = 'parquet' | 'arrow';

export interface ColumnarColumn {
	name: string;
	/** The DuckDB type the file's type maps to (a new table keeps it): DATE, BIGINT, DECIMAL(18,2), … */
	type: string;
}

export interface ColumnarSource {
	format: ColumnarFormat;
	/** How the data is stored, for the card: the Parquet codecs used, or 'IPC file' / 'IPC stream'. */
	detail: string;
	columns: ColumnarColumn[];
	rows: number;
	/** Rows in file order, each cell as text; batches of at most a few thousand rows. */
	batches(): AsyncGenerator<string[][]>;
}

/** A file that cannot be read as the format it claims: the message names what is wrong. */
export class ColumnarError extends Error {
	constructor(
		message: string,
		readonly column?: string
	) {
		super(message);
	}
}

/** Rows per batch handed to the validator (a slice of a row group or record batch). */
export const BATCH_ROWS = 8192;

/** The format a file's first bytes announce, or null (then it is read as text). */
export function columnarFormat(head: Uint8Array): ColumnarFormat | null {
	const ascii = (n: number) => String.fromCharCode(...head.subarray(0, n));
	if (ascii(4) === 'PAR1') return 'parquet';
	if (ascii(6) === 'ARROW1') return 'arrow';
	// An IPC stream starts with a continuation marker (0xFFFFFFFF) and a message length.
	if (
		head.length >= 8 &&
		head[0] === 0xff &&
		head[1] === 0xff &&
		head[2] === 0xff &&
		head[3] === 0xff
	)
		return 'arrow';
	return null;
}

/** The format a file's name claims (.parquet, .arrow, .feather, .ipc), or null. */
export function claimedFormat(name: string): ColumnarFormat | null {
	if (/\.parquet$/i.test(name)) return 'parquet';
	if (/\.(arrow|feather|ipc|arrows)$/i.test(name)) return 'arrow';
	return null;
}
