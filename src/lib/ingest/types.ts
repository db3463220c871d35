import type { TableName } from '$lib/schema/tables';
import type { Delimiter, Linebreak } from './dialect';
import type { Encoding } from './encoding';
import type { Mapping } from './headers';
import type { ValidationIssue as Issue } from './issues';

/** What an uploaded file becomes: rows of one of the codebook tables, or a new table for SQL. */
export type FileKind = TableName | 'table';

/** One problem with one cell (or row) of an uploaded file, as the shared validator reports it. */
export type { ValidationIssue as Issue } from './issues';

/** The companion-table values an upload may refer to. */
export interface Known {
	actors: string[];
	targets: string[];
	places: string[];
	reports: string[];
	/** [name, place_id] for every place's English and Arabic names, so 'Ayyash' finds 'ayyash'. */
	placeNames: [string, string][];
	/** [target, target_type], so an incident's target_type can be checked against targets. */
	targetTypes: [string, string][];
	/** [report_id, published, date_confidence], for the validator's date checks. */
	reportMeta: [string, string, string][];
}

/** The user's choices; anything left out is detected. */
export interface ParseOptions {
	encoding?: Encoding;
	delimiter?: Delimiter;
	kind?: FileKind;
	/** Explicit target column per file column (the user edited the mapping). */
	mapping?: Mapping;
	/** Normalised names of unmapped file columns to keep in the side table `<table>_extra`. */
	keep?: string[];
	/** Choices remembered from earlier uploads: normalised file column → table column or null. */
	remembered?: Partial<Record<TableName, Record<string, string | null>>>;
	known?: Known;
	today?: string;
}

/** A value in a reference column that the companion table does not have yet. */
export interface UnknownRef {
	table: 'actors' | 'targets' | 'places' | 'reports';
	value: string;
	/** First row that uses it, and how many rows do. */
	row: number;
	count: number;
	/** For a new target: the target_type the first row gives it. */
	type?: string;
}

export interface Inspection {
	file: string;
	bytes: number;
	encoding: Encoding;
	/** Bytes of byte-order mark skipped at the start. */
	bom: number;
	delimiter: Delimiter;
	/** The file's line ending ('\n' also when it mixes several: see the notes). */
	linebreak: Linebreak;
	header: string[];
	kind: FileKind;
	/** For codebook kinds: which table column each file column fills (null = dropped). */
	mapping: Mapping | null;
}

/** Something the user is told about how the file was read (shown on the card, never blocking). */
export type Note =
	| { key: 'sep'; value: string }
	| { key: 'blank-before-header'; count: number; row: number }
	| { key: 'blank-lines'; count: number }
	| { key: 'mixed-endings'; value: string }
	| { key: 'detected'; table: TableName; value: string }
	| { key: 'encoding-late'; value: Encoding; byte: number }
	| { key: 'delimiter-disagrees'; value: string; count: number; row: number };

export interface ParseSummary extends Inspection {
	/** How the file was read, for the card. */
	notes: Note[];
	/** Spreadsheet row of the first data row (the header is the row before; blank rows count). */
	firstRow: number;
	/** Blank rows skipped after the header, ascending (see ./rows.ts). */
	blankRows: number[];
	/**
	 * The original bytes are not exactly what was parsed (mixed line endings,
	 * blank lines): a second pass must write `output`. Internal to the pipeline.
	 */
	needsRewrite?: boolean;
	/** The explicit dialect DuckDB reads `output ?? file.slice(bom)` with (quote and escape are `"`). */
	load: { delimiter: Delimiter; newLine: Linebreak };
	/** Data rows (not counting the header or blank lines). */
	rows: number;
	/** Columns of `preview` and of the output file. */
	columns: string[];
	/** The first rows as they will be stored. */
	preview: string[][];
	/** The first MAX_ISSUES problems, and how many there are in all. */
	issues: Issue[];
	errors: number;
	warnings: number;
	unknown: UnknownRef[];
	/**
	 * The file as clean UTF-8, comma-separated CSV with the table's own header,
	 * or null when the original (from byte `bom`) already is exactly that.
	 */
	output: Blob | null;
	/** Kept extra columns: the key column and those columns, as UTF-8 CSV for `<table>_extra`. */
	extra: { columns: string[]; output: Blob } | null;
}

/** What a table reader returns; the scan adds how DuckDB must read it. */
export type ReadResult = Omit<ParseSummary, 'firstRow' | 'blankRows' | 'load' | 'needsRewrite'>;

/** Why a file could not be read at all; `row` is a spreadsheet row where it applies. */
export interface ParseFailure {
	file: string;
	code:
		| 'empty'
		| 'binary'
		| 'no-rows'
		| 'duplicate-header'
		| 'decode'
		| 'row-too-long'
		| 'unterminated-quote'
		| 'malformed-quote'
		| 'cancelled'
		| 'internal';
	row?: number;
	column?: string;
	detail?: string;
}

export interface Progress {
	bytesRead: number;
	bytes: number;
	rows: number;
}

export const MAX_ISSUES = 1000;
export const PREVIEW_ROWS = 10;
