import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Arabic messages that may equal the English: names and formats that are the same in both
 * languages. Anything else identical to the English is an untranslated string.
 */
const SAME_IN_ARABIC = new Set([
	'nav.sql', // "SQL" is the language's name in Arabic writing too
	'sql.editor',
	'sql.export.csv',
	'sql.export.parquet',
	'common.none', // "—"
	'data.download.table', // "{table}.csv": a file name
	'dashboard.map.more' // "+{count}": a sign and a number
]);

const DIR = 'src/lib/i18n/messages';
type Variants = { match: Record<string, string> }[];
type Catalogue = Record<string, string | Variants>;

const read = (locale: string, file: string): Catalogue => {
	const messages = JSON.parse(readFileSync(join(DIR, locale, file), 'utf8')) as Catalogue;
	delete messages.$schema;
	return messages;
};
/** Every text of a message (all plural variants). */
const texts = (m: string | Variants): string[] =>
	typeof m === 'string' ? [m] : m.flatMap((v) => Object.values(v.match));
const placeholders = (m: string | Variants) =>
	[...new Set(texts(m).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1])))].sort();

const areas = readdirSync(join(DIR, 'en')).filter((f) => f.endsWith('.json'));
const settings = readFileSync('project.inlang/settings.json', 'utf8');

describe('message catalogue', () => {
	it('has an Arabic file for every English area, and the inlang project reads them all', () => {
		expect(areas.length).toBeGreaterThan(4);
		for (const area of areas) {
			expect(readdirSync(join(DIR, 'ar')), area).toContain(area);
			expect(settings, area).toContain(`./${DIR}/{locale}/${area}`);
		}
	});

	for (const area of areas) {
		it(`gives every English message in ${area} an Arabic one with the same placeholders`, () => {
			const en = read('en', area);
			const ar = read('ar', area);
			expect(
				Object.keys(ar).filter((k) => !(k in en)),
				'Arabic keys with no English'
			).toEqual([]);
			for (const [key, english] of Object.entries(en)) {
				const arabic = ar[key];
				expect(arabic, `${key} has no Arabic`).toBeDefined();
				for (const text of texts(arabic!)) expect(text.trim(), `${key} is empty`).not.toBe('');
				// Placeholders are named: the Arabic must use the same names (a plural's selector counts).
				expect(placeholders(arabic!), key).toEqual(expect.arrayContaining(placeholders(english)));
				if (!SAME_IN_ARABIC.has(key) && !key.startsWith('vocab.'))
					expect(JSON.stringify(arabic), `${key} is not translated`).not.toBe(
						JSON.stringify(english)
					);
			}
		});
	}

	it('translates every codebook vocabulary value (vocab.*) into Arabic script', () => {
		const ar = read('ar', 'vocab.json');
		for (const [key, text] of Object.entries(ar))
			expect(texts(text).join(' '), key).toMatch(/^[\u0600-\u06FF\s/،()]+$/);
	});
});
