/**
 * Property-style: random small tables, written with each delimiter, line
 * ending and quoting style, go through the upload (worker parse, then
 * DuckDB with the explicit dialect) and come back exactly. Seeded, so a
 * failure is reproducible; the seed and the file are in the failure message.
 */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { NodeConnector } from '../support/node-connector';
import { fileOf, uploadThrough } from '../support/upload-through';

/** mulberry32: a small seeded generator (synthetic test data only). */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const POOL: string[] = [
	'plain',
	'قصف مستودعات عياش',
	'#hashtag',
	';starts',
	'//slash',
	'%pct',
	'a,b',
	'a;b',
	'tab\there',
	'pipe|x',
	'say "hi"',
	'"',
	'two\nlines',
	'two\r\nlines',
	'cr\ronly',
	' padded ',
	'0012',
	'2.50',
	'2024-02-30',
	'1,200',
	'=1+2',
	'',
	'sep=;'
];
const DELIMITERS = [',', ';', '\t', '|'] as const;
const ENDINGS = ['\n', '\r\n', '\r'] as const;
const QUOTING = ['minimal', 'all', 'text'] as const;

function table(rand: () => number): string[][] {
	const width = 2 + Math.floor(rand() * 3);
	const height = 1 + Math.floor(rand() * 5);
	const pick = () => POOL[Math.floor(rand() * POOL.length)]!;
	const header = Array.from({ length: width }, (_, i) => `col${i}`);
	const rows = Array.from({ length: height }, () => Array.from({ length: width }, pick));
	return [header, ...rows];
}

function write(rows: string[][], delimiter: string, newline: string, quoting: string): string {
	const quotes =
		quoting === 'all'
			? true
			: quoting === 'text'
				? (v: unknown) => !/^[\d.,-]*$/.test(String(v))
				: false;
	return Papa.unparse(rows, { delimiter, newline, quotes: quotes as boolean }) + newline;
}

describe('random tables round-trip exactly through upload', () => {
	it('for every delimiter, line ending and quoting style', async () => {
		const conn = await NodeConnector.open();
		let seed = 1;
		for (const delimiter of DELIMITERS)
			for (const newline of ENDINGS)
				for (const quoting of QUOTING)
					for (let k = 0; k < 4; k++, seed++) {
						const rows = table(random(seed));
						const text = write(rows, delimiter, newline, quoting);
						const where = `seed ${seed}: ${JSON.stringify(text)}`;
						const up = await uploadThrough(conn, fileOf(text), { delimiter });
						expect(up.summary.header, where).toEqual(rows[0]);
						expect(up.summary.errors, where).toBe(0);
						// An empty cell is NULL in the engine, quoted or not.
						const expected = rows.slice(1).map((r) => r.map((v) => (v === '' ? null : v)));
						expect(up.rows, where).toEqual(expected);
					}
	});
});
