import { Type } from 'apache-arrow';
import type { ResultColumn, ResultTable } from '$lib/grid/result';

/** The quick chart draws at most this many rows (the caption says so when a result has more). */
export const CHART_ROW_LIMIT = 2000;

/** How rows are drawn; `auto` is bars, or a line for more than AUTO_LINE_AFTER dates or numbers on x. */
export type ChartMark = 'auto' | 'bar' | 'line' | 'dot';
export const CHART_MARKS: readonly ChartMark[] = ['auto', 'bar', 'line', 'dot'];
export const AUTO_LINE_AFTER = 60;

/** What x holds: dates on a time axis, text categories, or numbers read in order (years, weeks). */
export type XKind = 'time' | 'category' | 'ordinal';

export interface ChartSpec {
	/** Column indices in the result. */
	x: number;
	/** A number column, or -1 when the result has no measure and the user has not picked one. */
	y: number;
	/** A category column shown as colour, or null. */
	series: number | null;
	mark: ChartMark;
}

/** Which columns each picker offers. */
export interface ChartChoices {
	x: number[];
	y: number[];
	series: number[];
}

const isTime = (col: ResultColumn) => [Type.Date, Type.Timestamp].includes(col.arrow.typeId);
const isText = (col: ResultColumn) => col.arrow.typeId === Type.Utf8;

/**
 * Number columns that name or count things rather than measure them: years and
 * other calendar parts, ids and codes (ACLED's event_id_no_cnty, inter1/2,
 * interaction, iso, time/geo precision), coordinates and row numbers. A chart
 * that added these up would mislead, so they are never the default y; they
 * make a good x (a year on x reads in order).
 */
const NOT_A_MEASURE =
	/^(year|yr|quarter|month|week|day|dow|hour|(.*_)?id|id_.*|.*_no_cnty|iso3?|inter[12]|interaction|.*precision|lat|latitude|lon|lng|longitude|timestamp|(.*_)?code|rank|row_?number|rn)$/i;

/** A number column the chart may add up by default. */
export function isMeasure(col: ResultColumn): boolean {
	return col.numeric && !NOT_A_MEASURE.test(col.name.trim());
}

/** The columns each picker offers: x any date, text or number; y any number; colour any text. */
export function chartChoices(result: ResultTable): ChartChoices {
	const all = result.columns.map((_, c) => c);
	const cols = result.columns;
	return {
		x: all.filter((c) => isTime(cols[c]!) || isText(cols[c]!) || cols[c]!.numeric),
		y: all.filter((c) => cols[c]!.numeric),
		series: all.filter((c) => isText(cols[c]!))
	};
}

/**
 * The chart a result gets before the user picks: x is the first date or text
 * column, else the first number column that is not a measure (a year); y is
 * the first measure that is not x, or -1 when there is none (the user picks);
 * colour is a text column before y other than x. Null when no x or no number
 * column exists at all.
 */
export function chartSpec(result: ResultTable): ChartSpec | null {
	const cols = result.columns;
	const choices = chartChoices(result);
	if (choices.y.length === 0) return null;
	let x = cols.findIndex((col) => isTime(col) || isText(col));
	if (x < 0) x = cols.findIndex((col) => col.numeric && !isMeasure(col));
	if (x < 0) return null;
	const y = cols.findIndex((col, c) => c !== x && isMeasure(col));
	const series = cols.findIndex((col, c) => c !== x && isText(col) && (y < 0 || c < y));
	return { x, y, series: series < 0 ? null : series, mark: 'auto' };
}

/** What the x column holds. */
export function xKind(result: ResultTable, spec: ChartSpec): XKind {
	const col = result.columns[spec.x]!;
	if (isTime(col)) return 'time';
	return col.numeric ? 'ordinal' : 'category';
}

export interface ChartRow {
	x: Date | string | number;
	y: number;
	s: string | null;
}

/**
 * Plain rows for Plot: x as a Date (time), a number (ordinal) or DuckDB's
 * text; y as a finite number; the colour as DuckDB's text ('NULL' for null).
 * Rows whose x or y cannot be placed (NULL, infinity, NaN) are left out,
 * never drawn at a made-up spot; `left` counts them for the caption.
 */
export function chartRows(
	result: ResultTable,
	spec: ChartSpec
): { rows: ChartRow[]; left: number } {
	const kind = xKind(result, spec);
	const n = Math.min(result.numRows, CHART_ROW_LIMIT);
	const rows: ChartRow[] = [];
	let left = 0;
	for (let r = 0; r < n; r++) {
		const x = xValue(result, spec.x, r, kind);
		const y = Number(result.value(r, spec.y));
		if (x === null || !Number.isFinite(y)) {
			left++;
			continue;
		}
		const s = spec.series === null ? null : (result.text(r, spec.series) ?? 'NULL');
		rows.push({ x, y, s });
	}
	return { rows, left };
}

function xValue(result: ResultTable, c: number, r: number, kind: XKind): ChartRow['x'] | null {
	if (kind === 'category') return result.text(r, c);
	if (kind === 'ordinal') {
		const v = Number(result.value(r, c));
		return Number.isFinite(v) ? v : null;
	}
	// Time: the JS value (zone-free ISO text; null for infinity).
	const text = result.value(r, c);
	if (text === null) return null;
	const date = new Date(`${String(text).replace(' ', 'T')}Z`);
	return Number.isNaN(date.getTime()) ? null : date;
}

/** The mark actually drawn: `auto` is bars, or a line for many dates or numbers on x. */
export function drawnMark(
	spec: ChartSpec,
	kind: XKind,
	distinct: number
): Exclude<ChartMark, 'auto'> {
	if (spec.mark !== 'auto') return spec.mark;
	return kind !== 'category' && distinct > AUTO_LINE_AFTER ? 'line' : 'bar';
}

/** DuckDB integer types: their axis gets whole-number ticks only. */
export function isWholeNumber(col: ResultColumn): boolean {
	return /^U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?$/.test(col.type);
}

/** Each colour value's total (of |y|), which ranks it for the palette. */
export function seriesTotals(rows: readonly ChartRow[]): Map<string, number> {
	const totals = new Map<string, number>();
	for (const r of rows) totals.set(r.s!, (totals.get(r.s!) ?? 0) + Math.abs(r.y));
	return totals;
}

/** The top of the value axis: the tallest stack (bars) or the largest value (lines, dots), at least 0. */
export function axisMax(rows: readonly ChartRow[], stacked: boolean): number {
	const tops = new Map<string, number>();
	for (const r of rows) {
		const k = String(r.x);
		tops.set(k, stacked ? (tops.get(k) ?? 0) + r.y : Math.max(tops.get(k) ?? 0, r.y));
	}
	return Math.max(0, ...tops.values());
}

/** DuckDB's own text for each number on an ordinal x (a year reads 2022, not 2,022). */
export function ordinalTexts(result: ResultTable, spec: ChartSpec): Map<number, string> {
	const out = new Map<number, string>();
	const n = Math.min(result.numRows, CHART_ROW_LIMIT);
	for (let r = 0; r < n; r++) {
		const v = Number(result.value(r, spec.x));
		if (!out.has(v)) out.set(v, result.text(r, spec.x) ?? String(v));
	}
	return out;
}
