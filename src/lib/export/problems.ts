import Papa from 'papaparse';
import { neutralise } from '$lib/csv/spreadsheet-safe';
import type { ValidationIssue } from '$lib/ingest/issues';

/**
 * An upload's problems as CSV text: file, row, column, value, problem,
 * severity, one line each, LF-terminated. The values come from the uploaded
 * file, so every field is spreadsheet-safe ($lib/csv/spreadsheet-safe) like
 * every CSV Raqib writes; row numbers stay numbers.
 */
export function problemsCsv(issues: readonly ValidationIssue[]): string {
	const rows = issues.map((i) =>
		[i.file, String(i.row), i.column, i.value, i.problem, i.severity].map(neutralise)
	);
	return (
		Papa.unparse({
			fields: ['file', 'row', 'column', 'value', 'problem', 'severity'],
			data: rows
		}) + '\n'
	);
}
