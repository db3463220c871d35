/**
 * The spreadsheet row of the n-th data record DuckDB read (n = 1 for the
 * first): the header's row plus n, plus each blank line skipped up to there.
 * `blankRows` are the skipped rows after the header, ascending. (A quoted
 * line break does not start a spreadsheet row, so records and rows agree.)
 */
export function spreadsheetRow(
	record: number,
	firstRow: number,
	blankRows: readonly number[]
): number {
	let row = firstRow + record - 1;
	for (const blank of blankRows) {
		if (blank > row) break;
		row++;
	}
	return row;
}
