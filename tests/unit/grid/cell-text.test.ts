import { describe, expect, it } from 'vitest';
import { cellText } from '../../../src/lib/grid/cell-text';

describe('cellText', () => {
	it('keeps NULL apart from the empty string', () => {
		expect(cellText(null)).toBeNull();
		expect(cellText('')).toBe('');
	});

	it('prints nested values the way DuckDB writes literals', () => {
		expect(cellText([1, null, 3])).toBe('[1, NULL, 3]');
		expect(cellText({ a: 'x', b: [true] })).toBe(`{'a': 'x', 'b': [true]}`);
		expect(cellText(["it's"])).toBe(`['it''s']`);
		expect(cellText(12345678901234567890n)).toBe('12345678901234567890');
	});

	it('escapes bytes of a BLOB that are not printable', () => {
		expect(cellText(new Uint8Array([0x41, 0x00, 0xff]))).toBe('A\\x00\\xFF');
	});
});
