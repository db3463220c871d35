import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	isIsoDate,
	isoWeek,
	latestComplete,
	periodLabel,
	periodRange,
	periodStart,
	shiftPeriod,
	trendWindow
} from '../../../src/lib/query/periods';
import { NodeConnector } from '../support/node-connector';
import { days } from './trend-data';

let conn: NodeConnector;
beforeAll(async () => {
	conn = await NodeConnector.open();
});
afterAll(async () => {
	await conn.cancel();
});

describe('ISO weeks', () => {
	it('puts the days around New Year into ISO week 53 where it exists', () => {
		expect(isoWeek('2020-12-28')).toEqual({ year: 2020, week: 53 });
		expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 });
		expect(isoWeek('2021-01-04')).toEqual({ year: 2021, week: 1 });
		expect(isoWeek('2019-12-30')).toEqual({ year: 2020, week: 1 });
		expect(isoWeek('2026-12-31')).toEqual({ year: 2026, week: 53 });
		expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 });
		expect(periodLabel('2020-12-28', 'week')).toBe('2020-W53');
		expect(periodLabel('2021-01-04', 'week')).toBe('2021-W01');
	});

	it('agrees with DuckDB on the ISO year, week and Monday of every day 2014–2028', async () => {
		const all = days('2014-12-20', '2028-01-10');
		const rows = await conn.query<{ d: string; y: number; w: number; m: string }>(
			`SELECT strftime(d, '%Y-%m-%d') AS d, isoyear(d)::INTEGER AS y, week(d)::INTEGER AS w,
				strftime(date_trunc('week', d), '%Y-%m-%d') AS m
			FROM (SELECT unnest(range(DATE '2014-12-20', DATE '2028-01-11', INTERVAL 1 DAY))::DATE AS d)`
		);
		expect(rows.length).toBe(all.length);
		for (const r of rows) {
			expect(isoWeek(r.d), r.d).toEqual({ year: r.y, week: r.w });
			expect(periodStart(r.d, 'week'), r.d).toBe(r.m);
		}
	});
});

describe('periods', () => {
	it('steps weeks across a week-53 year end and months across December', () => {
		expect(shiftPeriod('2020-12-28', 'week', 1)).toBe('2021-01-04');
		expect(shiftPeriod('2021-01-04', 'week', -4)).toBe('2020-12-07');
		expect(periodRange('2020-12-28', 'week')).toEqual({ from: '2020-12-28', to: '2021-01-03' });
		expect(shiftPeriod('2023-01-01', 'month', -1)).toBe('2022-12-01');
		expect(periodRange('2024-02-01', 'month')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
		expect(periodStart('2023-11-09', 'month')).toBe('2023-11-01');
	});

	it('takes the latest COMPLETE period: data ending mid-week or mid-month drops that period', () => {
		// Thursday 2023-11-09 (the shipped data's last day): its week is incomplete.
		expect(latestComplete('2023-11-09', 'week')).toBe('2023-10-30');
		// A Sunday closes its week.
		expect(latestComplete('2023-11-05', 'week')).toBe('2023-10-30');
		expect(latestComplete('2021-01-03', 'week')).toBe('2020-12-28');
		// A Monday: the week before is the last whole one.
		expect(latestComplete('2021-01-04', 'week')).toBe('2020-12-28');
		expect(latestComplete('2023-11-30', 'month')).toBe('2023-11-01');
		expect(latestComplete('2023-11-29', 'month')).toBe('2023-10-01');
		expect(latestComplete('2024-01-15', 'month')).toBe('2023-12-01');
	});

	it('builds the now, baseline and look-back windows of a reference period', () => {
		expect(trendWindow('2021-01-04', 'week', 4, 52)).toEqual({
			kind: 'week',
			now: { from: '2021-01-04', to: '2021-01-10' },
			baseline: { from: '2020-12-07', to: '2021-01-03' },
			baselinePeriods: 4,
			year: { from: '2020-01-06', to: '2021-01-03' }
		});
		expect(trendWindow('2023-03-01', 'month', 4, 52).baseline).toEqual({
			from: '2022-11-01',
			to: '2023-02-28'
		});
	});

	it('accepts only real calendar dates', () => {
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('2023-02-29')).toBe(false);
		expect(isIsoDate('2023-2-1')).toBe(false);
		expect(isIsoDate("2023-01-01' OR 1=1")).toBe(false);
	});
});
