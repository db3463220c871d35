import { Type } from 'apache-arrow';
import type { ResultTable } from './result';

export type SortDirection = 'asc' | 'desc';

/**
 * The row order of a result sorted on one column, NULLs last as DuckDB
 * orders them. The sort runs on a permutation of row indices with one key per
 * row (a number, bigint or string), never on row objects. Text compares by
 * code point, like DuckDB's default collation.
 */
export function sortOrder(result: ResultTable, column: number, dir: SortDirection): Uint32Array {
	const col = result.columns[column]!;
	const n = result.numRows;
	const keys = new Array<number | bigint | string | boolean | null>(n);
	const typeId = col.arrow.typeId;
	const raw = [Type.Int, Type.Float, Type.Utf8, Type.Bool, Type.Date, Type.Timestamp].includes(
		typeId
	);
	for (let r = 0; r < n; r++) {
		const v = raw ? (col.vector?.get(r) ?? null) : col.convert(col.vector?.get(r) ?? null);
		keys[r] =
			v === null
				? null
				: typeId === Type.Decimal
					? Number(v)
					: typeof v === 'object'
						? JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x))
						: (v as number | bigint | string | boolean);
	}
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
