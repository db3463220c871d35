import type { TableName } from '$lib/schema/tables';
import type { Delimiter, Linebreak } from './dialect';
import type { Encoding } from './encoding';
import type { DateOrder } from './acled-dates';
import type { DateStyle } from './event-dates';
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
	/** [place_id, admin1]: an imported location matches a place by name only in the same governorate. */
	placeAdmin1?: [string, string][];
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
	/** Day/month order of numeric dates (5/9/2020), when the user chose it or the whole column settled it. */
	dateOrder?: DateOrder;
	/** Load the valid rows and skip the invalid ones (listed and downloadable); default all-or-nothing. */
	skipInvalid?: boolean;
	/** Imported locations the user refused to match to an existing place: they become new places. */
	rejectPlaces?: string[];
	/** Imported actor names the user refused to match to an existing actor: they stay as written. */
	rejectActors?: string[];
}

/** Whose coding an incidents upload holds: Raqib's own rules, or an ACLED export checked against ACLED's codebook. */
export type Origin = 'raqib' | 'acled';

/** Which ACLED export layout a file is in (see $lib/schema/acled). */
export type AcledLayout = 'classic' | '2024' | 'monadic';

/** A name in an imported file matched to a place or actor Raqib has (shown for confirmation). */
export interface NameMatch {
	value: string;
	id: string;
	/** The known place's name that matched. */
	name: string;
	row: number;
	count: number;
}

/** A place an ACLED import adds, as the file describes it at its first row. */
export interface NewPlace {
	place_id: string;
	name_en: string;
	latitude: string;
	longitude: string;
	geo_precision: string;
	admin1: string;
	admin2: string;
	admin3: string;
	country: string;
	row: number;
	count: number;
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
	/** For a new actor of an ACLED import: the inter code the first row gives it (1–8). */
	inter?: number;
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
	| { key: 'delimiter-disagrees'; value: string; count: number; row: number }
	| { key: 'acled'; layout: AcledLayout; dataset: string }
	| { key: 'monadic'; events: number; rows: number }
	/** A Parquet or Arrow file: how it is stored (codecs, or IPC file / stream). */
	| { key: 'columnar'; value: 'parquet' | 'arrow'; detail: string }
	| {
			key: 'dates';
			/** Cells per way of writing. */
			styles: Partial<Record<DateStyle, number>>;
			example: { value: string; iso: string; row: number };
			order?: DateOrder;
			/** The row that settled the order (a number above 12), when the file settled it. */
			proof?: number;
	  };

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
	/** Numeric dates whose order the whole column settled: the pipeline reads again with it. Internal. */
	dateOrderFound?: DateOrder;
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
	/** incidents: whose coding the rows are, and for an ACLED export its layout. */
	origin?: Origin;
	layout?: AcledLayout;
	/**
	 * Numeric dates whose day/month order the file does not settle ('ask': the
	 * user chooses) or contradicts ('conflict': rows prove both orders).
	 */
	dateQuestion?: {
		decision: 'ask' | 'conflict';
		count: number;
		example: string;
		dayFirst?: number;
		monthFirst?: number;
	};
	/** Imported locations matched to known places, and the places the import adds. */
	placeMatches: NameMatch[];
	/** Imported actor names matched to known actors (the known name is stored; listed for confirmation). */
	actorMatches: NameMatch[];
	newPlaces: NewPlace[];
	/** With skipInvalid: rows left out, as the original cells under the original header (UTF-8 CSV). */
	skipped: { rows: number; output: Blob } | null;
	/** Errors that no skipping can get past (the header, a missing column). */
	fileErrors: number;
	/** Kept extra columns: the key column and those columns, as UTF-8 CSV for `<table>_extra`. */
	extra: { columns: string[]; output: Blob } | null;
	/** A new table from a Parquet or Arrow file: the DuckDB type of each of `columns`, as the file has it. */
	columnTypes?: string[];
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
		| 'columnar'
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
