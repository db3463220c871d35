/** One problem found in a table: where it is and what is wrong. */
export type Severity = 'error' | 'warning';

export interface ValidationIssue {
	/** The file name shown to the user, e.g. `data/incidents.csv`. */
	file: string;
	/** Spreadsheet line number: the header is line 1, the first data row line 2. 0 = whole file. */
	row: number;
	/** The column concerned, or '' for a whole row / file. */
	column: string;
	/** The offending cell value ('' when none). */
	value: string;
	problem: string;
	severity: Severity;
}

/** One line for humans: `file:row column "value": problem` (plus `(warning)` for warnings). */
export function formatIssue(issue: ValidationIssue): string {
	const where = issue.row > 0 ? `${issue.file}:${issue.row}` : issue.file;
	const col = issue.column ? ` ${issue.column}` : '';
	const val = issue.column || issue.value ? ` "${issue.value}"` : '';
	const tag = issue.severity === 'warning' ? ' (warning)' : '';
	return `${where}${col}${val}: ${issue.problem}${tag}`;
}

/** Collects issues for one file. */
export class IssueSink {
	readonly issues: ValidationIssue[] = [];
	constructor(readonly file: string) {}

	add(row: number, column: string, value: string, problem: string, severity: Severity = 'error') {
		this.issues.push({ file: this.file, row, column, value, problem, severity });
	}

	warn(row: number, column: string, value: string, problem: string) {
		this.add(row, column, value, problem, 'warning');
	}
}
