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

/** Plain rows for Plot: x, y as a number, and the series label. */
export function chartRows(result: ResultTable, spec: ChartSpec) {
	const n = Math.min(result.numRows, CHART_ROW_LIMIT);
	const rows = [];
	for (let r = 0; r < n; r++) {
		const x = result.value(r, spec.x);
		const y = result.value(r, spec.y);
		if (x === null || y === null) continue;
		rows.push({
			x: spec.temporal ? new Date(`${String(x).replace(' ', 'T')}Z`) : String(x),
			y: Number(y),
			s: spec.series === null ? null : String(result.value(r, spec.series) ?? 'NULL')
		});
	}
	return rows;
}
