/**
 * One problem found in a table: where it is and what is wrong, as a code and
 * its parameters, never as prose. The words are in the message catalogue
 * (src/lib/i18n/messages/<locale>/problems.json, key `problem.<code>`), so
 * the reader sees them in their own language ($lib/i18n/problems.ts renders
 * them; tests/unit/i18n/problems.test.ts fails if a code lacks a message).
 */
import enProblems from '../i18n/messages/en/problems.json';

export type Severity = 'error' | 'warning';

/** Every problem an upload or the data validator can report. */
export const PROBLEM_CODES = [
	// One cell against its column (./validate-cells.ts, ./rules.ts)
	'required',
	'not-int',
	'not-decimal',
	'too-many-decimals',
	'below-min',
	'above-max',
	'not-iso-date',
	'not-real-date',
	'not-a-date',
	'future-date',
	'not-in-vocab',
	'list-empty-item',
	'list-repeat',
	'spaces',
	'duplicate-id',
	// The header and the file (./validate.ts, ./output.ts, ./read-other.ts)
	'header-duplicate',
	'header-unknown',
	'header-missing',
	'header-order',
	'blank-row',
	'cell-count',
	'cut-short',
	'bom',
	'cr-endings',
	'no-final-newline',
	'file-missing',
	'unmarked',
	'unmarked-more',
	// Companion tables (./validate-rows.ts)
	'place-id-slug',
	'outside-syria',
	'not-in-table',
	'report-file-name',
	// Incidents (./validate-incidents.ts, ./rules-incidents.ts)
	'foreign-id',
	'incident-id-pattern',
	'id-year-mismatch',
	'year-mismatch',
	'sub-event-pair',
	'base-non-state',
	'event-id-cnty',
	'inter-code',
	'assoc-repeats-actor1',
	'certainty-unknown',
	'actor-unknown',
	'attack-required',
	'target-type-required',
	'target-type-without-target',
	'target-type-mismatch',
	'outcome-intercepted',
	'intercepted-needs-disrupted',
	'outcome-not-attack',
	'after-publication',
	'date-note-precision',
	'date-note-uncertain',
	'evidence-long',
	'evidence-not-verbatim',
	'rows-unsorted',
	// ACLED exports (./validate-acled.ts, ./monadic.ts)
	'acled-sub-event-pair',
	'acled-inter-code',
	'inter2-zero',
	'acled-year-mismatch',
	'monadic-third-row',
	'monadic-differs'
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * A problem's own values (a bound, a list of allowed values, another cell, a
 * row number), named as the message's placeholders. Numbers are shown in the
 * reader's digits; a list is shown joined, each item isolated.
 */
export type ProblemParams = Record<string, string | number | readonly string[]>;

export interface ValidationIssue {
	/** The file name shown to the user, e.g. `data/incidents.csv`. */
	file: string;
	/** Spreadsheet line number: the header is line 1, the first data row line 2. 0 = whole file. */
	row: number;
	/** The column concerned, or '' for a whole row / file. */
	column: string;
	/** The offending cell value ('' when none). */
	value: string;
	code: ProblemCode;
	params: ProblemParams;
	severity: Severity;
}

/**
 * A problem in English from the catalogue, with plain placeholder filling (no
 * Svelte, no locale): for `npm run validate:data` and logs. The UI renders it
 * in the reader's language with $lib/i18n/problems.ts instead.
 */
export function englishProblem(code: ProblemCode, params: ProblemParams): string {
	const text = (enProblems as Record<string, string>)[`problem.${code}`] ?? code;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const v = params[name];
		if (v === undefined) return whole;
		return Array.isArray(v) ? v.join(', ') : String(v);
	});
}

/** One line for humans: `file:row column "value": problem` (plus `(warning)` for warnings). */
export function formatIssue(issue: ValidationIssue): string {
	const where = issue.row > 0 ? `${issue.file}:${issue.row}` : issue.file;
	const col = issue.column ? ` ${issue.column}` : '';
	const val = issue.column || issue.value ? ` "${issue.value}"` : '';
	const tag = issue.severity === 'warning' ? ' (warning)' : '';
	return `${where}${col}${val}: ${englishProblem(issue.code, issue.params)}${tag}`;
}

/** Collects issues for one file. */
export class IssueSink {
	readonly issues: ValidationIssue[] = [];
	constructor(readonly file: string) {}

	add(
		row: number,
		column: string,
		value: string,
		code: ProblemCode,
		params: ProblemParams = {},
		severity: Severity = 'error'
	) {
		this.issues.push({ file: this.file, row, column, value, code, params, severity });
	}

	warn(row: number, column: string, value: string, code: ProblemCode, params: ProblemParams = {}) {
		this.add(row, column, value, code, params, 'warning');
	}
}
