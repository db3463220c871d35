import { describe, expect, it } from 'vitest';
import { ACTOR_COLORS, SIDE_COLORS, sideColor, sideScale } from '../../../src/lib/charts/palette';
import { clip } from '../../../src/lib/charts/hbar';
import { rollup, topN } from '../../../src/lib/charts/top';

const rows = [
	{ k: 'a', side: 'x', n: 5, fatalities: 1 },
	{ k: 'b', side: 'y', n: 3, fatalities: 0 },
	{ k: 'c', side: 'x', n: 2, fatalities: 2 },
	{ k: 'd', side: 'y', n: 1, fatalities: 0 }
];

describe('chart data helpers', () => {
	it('folds everything after the top n into one "Other" row that keeps the total', () => {
		const top = topN(rows, 2, (rest) => ({ k: 'Other', n: rest.reduce((s, r) => s + r.n, 0) }));
		expect(top.map((r) => r.k)).toEqual(['a', 'b', 'Other']);
		expect(top.reduce((s, r) => s + r.n, 0)).toBe(11);
		// Folding a single row into "Other" would hide a name for nothing.
		expect(topN(rows, 3, () => ({ k: 'Other', n: 0 })).map((r) => r.k)).toEqual([
			'a',
			'b',
			'c',
			'd'
		]);
	});

	it('rolls actors up into sides with counts, fatalities and members', () => {
		expect(rollup(rows, 'side')).toEqual([
			{ side: 'x', n: 7, fatalities: 3, members: 2 },
			{ side: 'y', n: 4, fatalities: 0, members: 2 }
		]);
	});

	it('shortens long labels with an ellipsis only when needed', () => {
		expect(clip('Village', 10)).toBe('Village');
		expect(clip('Military headquarters', 10)).toBe('Military …');
	});
});

describe('palette', () => {
	it('has twelve distinct actor colours and distinct side colours', () => {
		expect(new Set(ACTOR_COLORS.map((c) => c.toLowerCase())).size).toBeGreaterThanOrEqual(12);
		const sides = Object.values(SIDE_COLORS);
		expect(new Set(sides).size).toBe(sides.length);
	});

	it('orders sides consistently and greys out unexpected ones', () => {
		expect(sideColor('a side from an upload')).toBe(SIDE_COLORS.unknown);
		expect(sideScale(['unknown', 'coalition', 'new side']).domain).toEqual([
			'coalition',
			'unknown',
			'new side'
		]);
	});
});
