import { describe, expect, it } from 'vitest';
import { isReadOnly, splitStatements } from '../../../src/lib/query/statements';

const texts = (s: string) => splitStatements(s).map((x) => x.text);

describe('splitStatements', () => {
	it('splits on top-level semicolons and keeps offsets into the script', () => {
		const script = 'SELECT 1;\n  SELECT 2 ;SELECT 3';
		const parts = splitStatements(script);
		expect(parts.map((p) => p.text)).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
		for (const p of parts) expect(script.slice(p.from, p.from + p.text.length)).toBe(p.text);
	});

	it('ignores semicolons inside strings, quoted identifiers and doubled quotes', () => {
		expect(texts(`SELECT 'a;b', 'it''s;' AS "x;""y"; SELECT 2`)).toEqual([
			`SELECT 'a;b', 'it''s;' AS "x;""y"`,
			'SELECT 2'
		]);
	});

	it('ignores semicolons in line and nested block comments', () => {
		expect(texts('SELECT 1 -- not; here\n; /* a; /* b; */ c; */ SELECT 2')).toEqual([
			'SELECT 1 -- not; here',
			'/* a; /* b; */ c; */ SELECT 2'
		]);
	});

	it('ignores semicolons in dollar-quoted strings but not after a $1 parameter', () => {
		expect(texts('SELECT $$a;b$$, $t$x;$$;y$t$; SELECT $1; SELECT 3')).toEqual([
			'SELECT $$a;b$$, $t$x;$$;y$t$',
			'SELECT $1',
			'SELECT 3'
		]);
	});

	it('drops empty statements and comment-only tails', () => {
		expect(texts(';;\n SELECT 1;;  -- done\n')).toEqual(['SELECT 1']);
		expect(texts('')).toEqual([]);
	});

	it('keeps an unterminated string to the end rather than splitting inside it', () => {
		expect(texts("SELECT 'open; SELECT 2")).toEqual(["SELECT 'open; SELECT 2"]);
	});
});

describe('isReadOnly', () => {
	it('tells queries from statements that change things', () => {
		expect(isReadOnly('-- top\n/* x */ select 1')).toBe(true);
		expect(isReadOnly('FROM incidents')).toBe(true);
		expect(isReadOnly('WITH a AS (SELECT 1) SELECT * FROM a')).toBe(true);
		expect(isReadOnly('DROP TABLE incidents')).toBe(false);
		expect(isReadOnly('DELETE FROM incidents')).toBe(false);
		expect(isReadOnly('selection')).toBe(false);
	});
});
