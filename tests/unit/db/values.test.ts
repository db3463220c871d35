import { describe, expect, it } from 'vitest';
import { exactInteger, isoDate, isoTimestamp, scaledDecimal } from '../../../src/lib/db/values';

describe('value conversion', () => {
	it('keeps 64-bit integers exact', () => {
		expect(exactInteger(42n)).toBe(42);
		expect(exactInteger(9007199254740993n)).toBe('9007199254740993');
		expect(exactInteger(-9007199254740993n)).toBe('-9007199254740993');
	});

	it('formats decimals from their unscaled integer without rounding', () => {
		expect(scaledDecimal(12345n, 2)).toBe('123.45');
		expect(scaledDecimal(-5n, 3)).toBe('-0.005');
		expect(scaledDecimal(170141183460469231731687303715884105727n, 0)).toBe(
			'170141183460469231731687303715884105727'
		);
	});

	it('turns epoch milliseconds into the calendar date and timestamp DuckDB stored', () => {
		expect(isoDate(Date.UTC(2022, 7, 24))).toBe('2022-08-24');
		expect(isoDate(Date.UTC(1969, 11, 31))).toBe('1969-12-31');
		expect(isoTimestamp(Date.UTC(2022, 7, 24, 19, 20, 5))).toBe('2022-08-24 19:20:05');
		expect(isoTimestamp(Date.UTC(2022, 7, 24, 19, 20, 5, 7))).toBe('2022-08-24 19:20:05.007');
	});
});
