import { describe, expect, it } from 'vitest';
import { alignWeeks, diffRows } from '../../../src/lib/charts/diff';

describe('A/B comparison rows', () => {
	it('merges both periods per key, zero where a key is missing, B − A as the difference', () => {
		const a = [
			{ k: 'x', n: 3 },
			{ k: 'y', n: 1 }
		];
		const b = [
			{ k: 'y', n: 4 },
			{ k: 'z', n: 2 }
		];
		expect(
			diffRows(
				a,
				b,
				(r) => r.k,
				(r) => r.n
			)
		).toEqual([
			{ key: 'y', label: 'y', a: 1, b: 4, diff: 3 },
			{ key: 'x', label: 'x', a: 3, b: 0, diff: -3 },
			{ key: 'z', label: 'z', a: 0, b: 2, diff: 2 }
		]);
		expect(
			diffRows(
				a,
				b,
				(r) => r.k,
				(r) => r.n,
				(r) => r.k.toUpperCase(),
				1
			)
		).toEqual([{ key: 'y', label: 'Y', a: 1, b: 4, diff: 3 }]);
	});

	it('aligns weeks by their place in each period, across an ISO week-53 year end', () => {
		const a = [
			{ week: '2020-12-21', n: 1 },
			{ week: '2020-12-28', n: 2 }, // 2020-W53
			{ week: '2020-12-28', n: 1 }
		];
		const b = [{ week: '2021-01-11', n: 5 }];
		expect(alignWeeks(a, b, '2020-12-23', '2021-01-04')).toEqual([
			{ offset: 1, period: 'A', n: 1 },
			{ offset: 2, period: 'A', n: 3 },
			{ offset: 2, period: 'B', n: 5 }
		]);
	});
});
