/** What the validator knows besides the table it checks. */
import type { TableName } from '../schema/tables';

export type TableKind = TableName;

/** Keys of the companion tables, for referential checks. Omit a set to skip that check. */
export interface KnownKeys {
	actors?: Set<string>;
	targets?: Set<string>;
	places?: Set<string>;
	reports?: Set<string>;
	/** target → its target_type in targets.csv: an incident's target_type must agree. */
	targetTypes?: Map<string, string>;
	/** actor → its ACLED inter code (actors.csv), for rules that depend on the kind of actor. */
	actorInter?: Map<string, number>;
	/** report_id → publication date and its confidence (reports.csv). */
	reportMeta?: Map<string, { published: string; dateConfidence: string }>;
}

export interface ValidationContext {
	/** Name used in issues, e.g. `data/incidents.csv`. */
	file: string;
	known?: KnownKeys;
	/** YYYY-MM-DD; dates after it are errors. Defaults to today's local date. */
	today?: string;
	/** The text of a source report, or undefined when not available (evidence check skipped). */
	reportText?: (reportId: string) => string | undefined;
	/**
	 * The spreadsheet line of each row, when `rows` is not the whole file from
	 * line 2 on (the upload validates a large file chunk by chunk). Default i + 2.
	 */
	lines?: readonly number[];
	/**
	 * Whose coding the rows are (incidents only): 'raqib' (default) keeps every
	 * rule of the codebook; 'acled' checks rows imported from an ACLED export
	 * against ACLED's codebook (validate-acled.ts), Raqib-only fields left NULL.
	 */
	origin?: 'raqib' | 'acled';
}

/** A data row with its spreadsheet line number; `get` returns '' for a missing column. */
export interface RowView {
	line: number;
	get(column: string): string;
}
