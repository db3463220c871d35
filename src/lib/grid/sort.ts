import { Type, type Vector } from 'apache-arrow';
import { unscaledDecimal } from '$lib/db/values';
import type { ResultColumn, ResultTable } from './result';

export type SortDirection = 'asc' | 'desc';

type Key = number | bigint | string | boolean | null;

/**
 * The row order of a result sorted on one column, NULLs last as DuckDB
 * orders them. The sort runs on a permutation of row indices with one key per
 * row, never on row objects. Numbers compare as numbers (DECIMAL by its exact
 * unscaled integer, UHUGEINT by DuckDB's digits), dates and times by their
 * stored integer, everything else by DuckDB's text, code point by code point
 * like DuckDB's default collation.
 */
export function sortOrder(result: ResultTable, column: number, dir: SortDirection): Uint32Array {
	const n = result.numRows;
	const key = sortKey(result, column);
	const keys = new Array<Key>(n);
	for (let r = 0; r < n; r++) keys[r] = key(r);
	const order = new Uint32Array(n);
	for (let r = 0; r < n; r++) order[r] = r;
	const sign = dir === 'asc' ? 1 : -1;
	order.sort((a, b) => {
		const x = keys[a]!;
		const y = keys[b]!;
		if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
		return x < y ? -sign : x > y ? sign : a - b;
	});
	return order;
}

/** The key of Arrow row `index` (not the displayed position: order is not applied yet). */
function sortKey(result: ResultTable, column: number): (index: number) => Key {
	const col = result.columns[column]!;
	const vector = col.vector;
	const valid = (i: number) => vector !== null && vector.isValid(i);
	const text = (i: number) => (col.textVector ? (col.textVector.get(i) as string | null) : null);
	switch (col.arrow.typeId) {
		case Type.Int:
		case Type.Float:
		case Type.Bool:
		case Type.Utf8:
			return (i) => (valid(i) ? (vector!.get(i) as Key) : null);
		case Type.Decimal:
			return (i) => (valid(i) ? unscaledDecimal(vector!.get(i)) : null);
		case Type.Date:
		case Type.Timestamp:
		case Type.Time:
			return (i) => (valid(i) ? primitiveAt(vector!, i) : null);
	}
	if (col.numeric)
		return (i) => (valid(i) ? numberFromText(text(i) ?? fallbackText(col, i)) : null);
	return (i) => (valid(i) ? (text(i) ?? fallbackText(col, i)) : null);
}

function fallbackText(col: ResultColumn, i: number): string {
	try {
		return String(col.convert(col.vector?.get(i) ?? null));
	} catch {
		return '';
	}
}

/** DuckDB's digits as an exact integer, or a float for other number text ('nan' sorts last). */
function numberFromText(text: string): number | bigint {
	if (/^-?\d+$/.test(text)) return BigInt(text);
	const n = Number(text);
	return Number.isNaN(n) ? Infinity : n;
}

/** The stored integer (days, or time units since the epoch or midnight) of a fixed-width value. */
export function primitiveAt(vector: Vector, index: number): number | bigint | null {
	let i = index;
	for (const data of vector.data) {
		if (i < data.length) return (data.values as ArrayLike<number | bigint>)[i] ?? null;
		i -= data.length;
	}
	return null;
}
