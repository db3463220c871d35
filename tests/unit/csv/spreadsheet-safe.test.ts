import { beforeAll, describe, expect, it } from 'vitest';
import {
	isFormulaLike,
	isMarked,
	neutralise,
	neutraliseSql,
	restore
} from '../../../src/lib/csv/spreadsheet-safe';
import { quoteLiteral } from '../../../src/lib/query/sql';
import { NodeConnector } from '../support/node-connector';

/** Text a spreadsheet could run, one of each kind the audit named, and more of the same kinds. */
const RISKY = [
	'=1+1',
	'=HYPERLINK("http://x","y")',
	'+1+2',
	'-cmd',
	'-2+3',
	'@SUM(A1)',
	'\tTAB',
	'\rCR',
	'\nLF',
	' =1+1',
	'   @x',
	'\u00A0=1',
	'\u3000=1',
	'＝1+1',
	'＋1',
	'＠x',
	'－x',
	'|calc',
	"|'/C calc'!A0",
	' |x',
	'-',
	'+',
	'=',
	'- 5'
];

/** Text that runs as nothing, or as the number it is: written as it is. */
const SAFE = [
	'',
	'plain',
	'ok=fine',
	'a|b',
	'-5',
	'+5',
	'-0.25',
	'.5',
	'-1e5',
	'+3.',
	'2024-01-31',
	'2024-01-31T10:00:00',
	'دير الزور',
	' leading space',
	"'quoted",
	"'",
	"''",
	"'-5",
	'مخيم =1'
];

describe('spreadsheet-safe CSV text', () => {
	it('marks every formula-like text with one apostrophe', () => {
		for (const t of RISKY) {
			expect(isFormulaLike(t), JSON.stringify(t)).toBe(true);
			expect(neutralise(t)).toBe(`'${t}`);
		}
	});

	it('leaves plain text, numbers and dates as written', () => {
		for (const t of SAFE) {
			expect(isFormulaLike(t), JSON.stringify(t)).toBe(false);
			expect(neutralise(t)).toBe(t);
		}
	});

	it('marks text that already starts with apostrophes before a formula once more', () => {
		expect(neutralise("'=x")).toBe("''=x");
		expect(neutralise("''+x")).toBe("'''+x");
		expect(restore("''=x")).toBe("'=x");
	});

	it('restore undoes neutralise for every text, so a round trip changes nothing', () => {
		const all = [...RISKY, ...SAFE, ...RISKY.map((t) => `'${t}`), ...RISKY.map((t) => `''${t}`)];
		for (const t of all) expect(restore(neutralise(t)), JSON.stringify(t)).toBe(t);
		// Random strings over the characters that matter.
		const alphabet = ["'", '=', '+', '-', '@', '|', ' ', '\t', '\r', '1', '.', 'e', 'x', '＝'];
		let seed = 7;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
		for (let i = 0; i < 5000; i++) {
			const length = next() % 7;
			let t = '';
			for (let j = 0; j < length; j++) t += alphabet[next() % alphabet.length];
			expect(restore(neutralise(t)), JSON.stringify(t)).toBe(t);
			expect(isFormulaLike(neutralise(t)), JSON.stringify(t)).toBe(false);
		}
	});

	it('restores only marked text and says which is', () => {
		expect(restore("'=x")).toBe('=x');
		expect(isMarked("'=x")).toBe(true);
		for (const t of ["'quoted", "'-5", 'plain', "'"]) {
			expect(restore(t)).toBe(t);
			expect(isMarked(t)).toBe(false);
		}
	});
});

describe('neutraliseSql (DuckDB)', () => {
	let conn: NodeConnector;
	beforeAll(async () => {
		conn = await NodeConnector.open();
	});

	it('writes exactly what neutralise() writes, and NULL as NULL', async () => {
		const texts = [...RISKY, ...SAFE, ...RISKY.map((t) => `'${t}`)];
		const values = texts.map((t, i) => `(${i}, ${quoteLiteral(t)})`).join(', ');
		const rows = await conn.query<{ i: number; out: string }>(
			`SELECT i, ${neutraliseSql('t')} AS out FROM (VALUES ${values}) v(i, t) ORDER BY i`
		);
		expect(rows.map((r) => r.out)).toEqual(texts.map(neutralise));
		const [nul] = await conn.query<{ out: string | null }>(
			`SELECT ${neutraliseSql('NULL::VARCHAR')} AS out`
		);
		expect(nul!.out).toBeNull();
	});
});
