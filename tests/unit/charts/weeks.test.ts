import { describe, expect, it } from 'vitest';
import {
	activePeriods,
	fillWeeks,
	sparse,
	thinTicks,
	weekRange
} from '../../../src/lib/charts/weeks';

describe('weekly series', () => {
	it('lists Mondays inclusive', () => {
		expect(weekRange('2022-08-22', '2022-09-05')).toEqual([
			'2022-08-22',
			'2022-08-29',
			'2022-09-05'
		]);
	});

	it('draws weeks without attacks as zeros, for every group', () => {
		const filled = fillWeeks([
			{ week: '2022-08-22', group: 'coalition', n: 2 },
			{ week: '2022-09-05', group: 'Iran-aligned', n: 1 }
		]);
		expect(filled).toHaveLength(6);
		expect(filled.filter((r) => r.week === '2022-08-29').map((r) => r.n)).toEqual([0, 0]);
		expect(filled.reduce((s, r) => s + r.n, 0)).toBe(3);
	});

	it('keeps active periods with padding and reports the gaps between them', () => {
		const periods = activePeriods(['2018-01-01', '2018-01-08', '2022-08-22'], 1);
		expect(periods).toHaveLength(2);
		expect(periods[0]!.weeks).toEqual(['2017-12-25', '2018-01-01', '2018-01-08', '2018-01-15']);
		expect(periods[1]!.weeks).toEqual(['2022-08-15', '2022-08-22', '2022-08-29']);
		const skipped = weekRange('2018-01-22', '2022-08-08').length;
		expect(periods[1]!.gapBefore).toBe(skipped);
		expect(periods[0]!.gapBefore).toBe(0);
	});

	it('calls a long mostly empty span sparse, a busy one not', () => {
		expect(sparse(['2018-01-01', '2023-01-02'])).toBe(true);
		expect(sparse(weekRange('2022-01-03', '2022-12-26'))).toBe(false);
	});
});

describe('weekly series', () => {
	it('gives up to twelve actors their own colour and sums the rest into Other', async () => {
		const { byActor } = await import('../../../src/lib/charts/series');
		const rows = Array.from({ length: 14 }, (_, i) => ({
			week: '2022-08-22',
			actor: `A${i}`,
			n: 20 - i
		}));
		const s = byActor(rows, 'Other');
		expect(s.color.domain).toHaveLength(12);
		expect(s.color.domain.at(-1)).toBe('Other');
		expect(new Set(s.color.range).size).toBe(12);
		expect(s.rows.find((r) => r.group === 'Other')?.n).toBe(
			rows.slice(11).reduce((t, r) => t + r.n, 0)
		);
		expect(s.rows.reduce((t, r) => t + r.n, 0)).toBe(rows.reduce((t, r) => t + r.n, 0));
		expect(byActor(rows.slice(0, 12), 'Other').color.domain).not.toContain('Other');
	});
});

describe('period labels that fit', () => {
	it('keeps a label only when it clears the one before, on the band scale', () => {
		const domain = Array.from({ length: 100 }, (_, i) => `w${i}`);
		// 100 bands over 500 px: 5 px each; labels need 60 px, so 12 bands apart.
		const starts = ['w0', 'w5', 'w11', 'w12', 'w30', 'w31', 'w99'];
		expect(thinTicks(starts, domain, 500, 60)).toEqual(['w0', 'w12', 'w30', 'w99']);
		// With room for all, all stay.
		expect(thinTicks(starts, domain, 100_000, 60)).toEqual(starts);
	});
});
