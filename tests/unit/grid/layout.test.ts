import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_PX, ROW_HEIGHT, visibleWindow } from '../../../src/lib/grid/layout';

describe('visibleWindow', () => {
	it('maps scroll pixels to rows one to one for short results', () => {
		const w = visibleWindow(1000, 50 * ROW_HEIGHT, 10 * ROW_HEIGHT);
		expect(w).toMatchObject({
			first: 50,
			count: 12,
			top: 50 * ROW_HEIGHT,
			height: 1000 * ROW_HEIGHT
		});
	});

	it('scales the track for a million rows and reaches the last row at the bottom', () => {
		const viewport = 500;
		const start = visibleWindow(1_000_000, 0, viewport);
		expect(start.height).toBe(MAX_SCROLL_PX);
		expect(start.first).toBe(0);
		const end = visibleWindow(1_000_000, MAX_SCROLL_PX - viewport, viewport);
		expect(end.first + end.count).toBe(1_000_000);
		// The last row's bottom edge sits exactly at the viewport's bottom edge.
		const lastBottom = end.top + (1_000_000 - end.first) * ROW_HEIGHT;
		expect(lastBottom).toBeCloseTo(MAX_SCROLL_PX, 6);
		const mid = visibleWindow(1_000_000, (MAX_SCROLL_PX - viewport) / 2, viewport);
		expect(Math.abs(mid.first - 500_000)).toBeLessThan(20);
	});

	it('handles an empty result', () => {
		expect(visibleWindow(0, 0, 300)).toMatchObject({ first: 0, count: 0, height: 0 });
	});
});
