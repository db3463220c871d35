import { Int64, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ResultTable } from '../../../src/lib/grid/result';
import { sortOrder } from '../../../src/lib/grid/sort';

const result = new ResultTable(
	new Table({
		n: vectorFromArray([3n, null, 9007199254740993n, -1n, 3n], new Int64()),
		s: vectorFromArray(['b', 'a', null, 'ب', 'B'], new Utf8())
	})
);

describe('sortOrder', () => {
	it('sorts BIGINTs exactly, NULLs last both ways, ties in original order', () => {
		expect([...sortOrder(result, 0, 'asc')]).toEqual([3, 0, 4, 2, 1]);
		expect([...sortOrder(result, 0, 'desc')]).toEqual([2, 0, 4, 3, 1]);
	});

	it('sorts text by code point, Arabic after Latin', () => {
		expect([...sortOrder(result, 1, 'asc')]).toEqual([4, 1, 0, 3, 2]);
	});

	it('changes which row the grid shows without copying rows', () => {
		result.order = sortOrder(result, 0, 'desc');
		expect(result.text(0, 0)).toBe('9007199254740993');
		expect(result.text(4, 0)).toBeNull();
		result.order = null;
	});
});
