import Papa from 'papaparse';
import { neutralise } from '$lib/csv/spreadsheet-safe';
import { problemText } from '$lib/i18n/problems';
import type { ValidationIssue } from '$lib/ingest/issues';

/**
 * An upload's problems as CSV text, one line each, LF-terminated, with the
 * columns file, row, column, value, code, problem, severity.
 *
 * Machine columns stay the same in every language, so a script can read the
 * list whatever language it was downloaded in: the header names, the row
 * number (Latin digits), `code` (the problem code of $lib/ingest/issues.ts)
 * and `severity` ('error' or 'warning'). `problem` is the problem in the
 * reader's language, as the page shows it. The values come from the
 * uploaded file, so every field is spreadsheet-safe ($lib/csv/spreadsheet-safe)
 * like every CSV Raqib writes; row numbers stay numbers.
 */
export function problemsCsv(issues: readonly ValidationIssue[]): string {
	const rows = issues.map((i) =>
		[i.file, String(i.row), i.column, i.value, i.code, problemText(i), i.severity].map(neutralise)
	);
	return (
		Papa.unparse({
			fields: ['file', 'row', 'column', 'value', 'code', 'problem', 'severity'],
			data: rows
		}) + '\n'
	);
}
