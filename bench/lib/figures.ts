/**
 * What a scenario reports: figures placed in a table (row × column) of its
 * own. A figure the run could not measure keeps value null and says why.
 */
export type Unit = 'ms' | 's' | 'KB' | 'MB' | 'MB/s' | 'rows/s' | '×' | 'count';

export interface Figure {
	/** A scenario may report several tables; figures without one go in the first. */
	table?: string;
	/** The row and column it belongs to in its scenario's table. */
	row: string;
	col: string;
	unit: Unit;
	/** The median of `n` samples (or the single value); null when not measured. */
	value: number | null;
	p95?: number;
	n?: number;
	/** Why there is no value, or a caveat on it. */
	note?: string;
}

export interface ScenarioResult {
	id: string;
	title: string;
	/** Page, action and "done" signal: what exactly is timed. */
	contract: string;
	figures: Figure[];
	/** Free-form remarks printed under the table. */
	notes: string[];
}

export function measured(
	row: string,
	col: string,
	unit: Unit,
	value: number,
	extra: Partial<Figure> = {}
): Figure {
	return { row, col, unit, value, ...extra };
}

export function missing(row: string, col: string, unit: Unit, why: string): Figure {
	return { row, col, unit, value: null, note: why };
}
