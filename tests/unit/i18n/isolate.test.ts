import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { isolate, messageParts, tIsolated } from '$lib/i18n';

afterEach(() => overwriteGetLocale(() => 'en'));

const RLO = '\u202e';

describe('bidi isolation of values from data', () => {
	it('wraps a value in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE', () => {
		expect(isolate(`a${RLO}b`)).toBe(`\u2068a${RLO}b\u2069`);
	});

	it('isolates string inputs of a message, not numbers', () => {
		expect(tIsolated('data.job.applied.table', { table: `x${RLO}y`, rows: 3 })).toBe(
			`Created table \u2068x${RLO}y\u2069 (rows: 3). Query it from the SQL page.`
		);
	});

	it('cuts a message into its words and its values, in the order of the page’s language', () => {
		const vars = { table: `fuel${RLO}`, rows: 2 };
		expect(messageParts('data.job.applied.table', vars)).toEqual([
			{ text: 'Created table ', value: false },
			{ text: `fuel${RLO}`, value: true },
			{ text: ' (rows: 2). Query it from the SQL page.', value: false }
		]);
		overwriteGetLocale(() => 'ar');
		const parts = messageParts('data.job.applied.table', vars);
		expect(parts.filter((p) => p.value)).toEqual([{ text: `fuel${RLO}`, value: true }]);
		expect(parts[0]!.value).toBe(false);
		expect(parts[0]!.text).toMatch(/[\u0600-\u06ff]/);
		// Text around the value is the Arabic message's own, and never carries a marker.
		expect(parts.some((p) => /[\ue000\ue001]/.test(p.text))).toBe(false);
	});

	it('keeps a value that looks like a marker, and a message with no values', () => {
		expect(messageParts('data.table.clash', { name: '\ue0000\ue001' })).toEqual([
			{ text: 'A table named ', value: false },
			{ text: '\ue0000\ue001', value: true },
			{ text: ' exists.', value: false }
		]);
		expect(messageParts('data.saved.none', {})).toHaveLength(1);
	});
});

describe('a list of values', () => {
	it('is joined with commas, each item its own part', () => {
		expect(messageParts('data.mapping.dropped', { count: 2, names: ['a', `b${RLO}`] })).toEqual([
			{ text: '2 columns of the file are not loaded: ', value: false },
			{ text: 'a', value: true },
			{ text: ', ', value: false },
			{ text: `b${RLO}`, value: true },
			{ text: '.', value: false }
		]);
	});
});
