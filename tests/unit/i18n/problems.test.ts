import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import { problemParts, problemText, setDigits } from '$lib/i18n';
import { PROBLEM_CODES, englishProblem, type ProblemCode } from '$lib/ingest/issues';
import { problemsCsv } from '$lib/export/problems';
import { validateTable } from '$lib/ingest/validate';
import { TABLE_COLUMNS } from '$lib/schema/tables';
import Papa from 'papaparse';

/**
 * Upload problems are codes with parameters; the words are the catalogue's, in the reader's
 * language. Every code needs an English and a real Arabic message.
 */
const catalogue = (locale: string) =>
	JSON.parse(readFileSync(`src/lib/i18n/messages/${locale}/problems.json`, 'utf8')) as Record<
		string,
		unknown
	>;
const en = catalogue('en');
const ar = catalogue('ar');
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** Sample parameters for a code: a Latin value for every placeholder, so the test can take them out again. */
const sample = (code: ProblemCode) =>
	Object.fromEntries(placeholders(en[`problem.${code}`] as string).map((p) => [p, `VALUE_${p}`]));

afterEach(() => {
	overwriteGetLocale(() => 'en');
	setDigits('arab');
});

describe('problem codes', () => {
	it('each have a plain English and an Arabic message, and the catalogue has no message without a code', () => {
		for (const code of PROBLEM_CODES) {
			const key = `problem.${code}`;
			expect(typeof en[key], `${key} in English`).toBe('string');
			expect(typeof ar[key], `${key} in Arabic`).toBe('string');
			expect((ar[key] as string).trim(), key).not.toBe('');
		}
		const keys = Object.keys(en).filter((k) => k.startsWith('problem.'));
		expect(keys.sort()).toEqual(PROBLEM_CODES.map((c) => `problem.${c}`).sort());
		expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
	});

	it('read in Arabic with no English left but the values (and the names ACLED and Raqib keep)', () => {
		overwriteGetLocale(() => 'ar');
		for (const code of PROBLEM_CODES) {
			const text = problemText({ code, params: sample(code) });
			expect(text, code).toMatch(/[\u0600-\u06FF]/);
			expect(text, code).not.toMatch(/[{}]/);
			const words = text.replace(/VALUE_\w+/g, '').replace(/\bACLED\b/g, '');
			expect(words, code).not.toMatch(/[A-Za-z]/);
			// Every value the English names, the Arabic names too.
			for (const p of Object.keys(sample(code)))
				expect(text, `${code} ${p}`).toContain(`VALUE_${p}`);
		}
	});

	it('write numbers in the reader digits, without grouping, and lists joined', () => {
		overwriteGetLocale(() => 'ar');
		expect(problemText({ code: 'cell-count', params: { cells: 3, width: 12 } })).toBe(
			'عدد خلاياه ٣، وعدد أعمدة الترويسة ١٢'
		);
		expect(problemText({ code: 'duplicate-id', params: { first: 24502 } })).toBe(
			'مُعرِّف مكرر (ورد أولًا في السطر ٢٤٥٠٢)'
		);
		setDigits('latn');
		expect(problemText({ code: 'below-min', params: { min: 1900 } })).toBe('يجب أن يكون ≥ 1900');
		const parts = problemParts({ code: 'not-in-vocab', params: { values: ['yes', 'no'] } });
		expect(parts.filter((p) => p.value).map((p) => p.text)).toEqual(['yes', 'no']);
		expect(parts.map((p) => p.text).join('')).toBe('ليس واحدًا من: yes, no');
	});

	it('read in English as the validator always worded them', () => {
		expect(problemText({ code: 'below-min', params: { min: 0 } })).toBe('must be ≥ 0');
		expect(problemText({ code: 'not-in-vocab', params: { values: ['a', 'b'] } })).toBe(
			'is not one of: a, b'
		);
		for (const code of PROBLEM_CODES)
			expect(problemText({ code, params: sample(code) }), code).toBe(
				englishProblem(code, sample(code))
			);
	});
});

describe('the problems CSV', () => {
	const header = TABLE_COLUMNS.actors.map((c) => c.name);
	const row = header.map((c) => (c === 'acled_inter' ? '12' : c === 'actor' ? 'X' : ''));
	const issues = validateTable('actors', header, [row], {
		file: 'actors.csv',
		today: '2026-11-29'
	});

	it('keeps the code and row as machine values, and words the problem in the reader language', () => {
		overwriteGetLocale(() => 'ar');
		const rows = Papa.parse<string[]>(problemsCsv(issues).trimEnd()).data;
		expect(rows[0]).toEqual(['file', 'row', 'column', 'value', 'code', 'problem', 'severity']);
		const inter = rows.find((r) => r[2] === 'acled_inter')!;
		expect(inter).toEqual([
			'actors.csv',
			'2',
			'acled_inter',
			'12',
			'above-max',
			'يجب أن يكون ≤ ٨',
			'error'
		]);
	});
});
