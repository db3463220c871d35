import type { ResultTable } from '$lib/grid/result';
import { writeDelimited, type DelimitedOptions } from './delimited';

/** The displayed result (in its displayed order) as CSV or TSV text. */
export function resultToDelimited(result: ResultTable, options: DelimitedOptions = {}): string {
	const columns = result.columns.map((c) => ({ name: c.name, text: !c.numeric }));
	return writeDelimited(columns, result.texts(), options);
}
