import { Type } from 'apache-arrow';
import type { ResultTable } from '$lib/grid/result';

export const CHART_ROW_LIMIT = 2000;

export interface ChartSpec {
	x: number;
	y: number;
	/** A second category column, shown as colour. */
	series: number | null;
	temporal: boolean;
}

/** Which columns a quick chart uses: the first category or date column and the first number after it. */
export function chartSpec(result: ResultTable): ChartSpec | null {
	const cols = result.columns;
	const isTime = (c: number) => [Type.Date, Type.Timestamp].includes(cols[c]!.arrow.typeId);
	const isCategory = (c: number) => cols[c]!.arrow.typeId === Type.Utf8;
	const x = cols.findIndex((_, c) => isTime(c) || isCategory(c));
	if (x < 0) return null;
	const y = cols.findIndex((col, c) => c > x && col.numeric);
	if (y < 0) return null;
	const s = cols.findIndex((_, c) => c !== x && c < y && isCategory(c));
	return { x, y, series: s < 0 ? null : s, temporal: isTime(x) };
}

/**
 * Plain rows for Plot: x as a Date (time axes) or DuckDB's text, y as a
 * finite number, the series as DuckDB's text. Rows whose x or y cannot be
 * placed (NULL, infinity, NaN) are left out, never drawn at a made-up spot.
 */
export function chartRows(result: ResultTable, spec: ChartSpec) {
	const n = Math.min(result.numRows, CHART_ROW_LIMIT);
	const rows = [];
	for (let r = 0; r < n; r++) {
		const y = Number(result.value(r, spec.y));
		// Time: the JS value (zone-free ISO text; null for infinity). Categories: DuckDB's text.
		const text = spec.temporal ? result.value(r, spec.x) : result.text(r, spec.x);
		if (text === null || !Number.isFinite(y)) continue;
		const x = spec.temporal ? new Date(`${String(text).replace(' ', 'T')}Z`) : String(text);
		if (x instanceof Date && Number.isNaN(x.getTime())) continue;
		rows.push({
			x,
			y,
			s: spec.series === null ? null : (result.text(r, spec.series) ?? 'NULL')
		});
	}
	return rows;
}
