import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cells, consoleSession, grid, headers, run } from './sql-console';

const session = consoleSession();
const fixture = (name: string) => readFileSync(`tests/fixtures/exactness/${name}`, 'utf8');

/** Header cells as column names (each header shows "name TYPE"). */
async function names(page: Page): Promise<string[]> {
	return grid(page)
		.locator('[role=columnheader] .name')
		.allTextContents()
		.then((n) => n.map((s) => s.trim()));
}

/** Every column `x` beside a column `x_text` (DuckDB's ::VARCHAR of it) shows exactly that text. */
async function expectShownAsVarchar(page: Page, row = 1) {
	const cols = await names(page);
	const values = await cells(page, row);
	const pairs = cols.flatMap((n, i) => {
		const t = cols.indexOf(`${n}_text`);
		return t < 0 ? [] : [[n, values[i], values[t]] as const];
	});
	expect(pairs.length).toBeGreaterThan(0);
	for (const [name, shown, text] of pairs) expect(shown, name).toBe(text);
	return Object.fromEntries(cols.map((n, i) => [n, values[i]]));
}

describe('SQL console shows every DuckDB type as DuckDB prints it', () => {
	it('INTERVAL (case 03) and other time spans: TIME, TIMETZ, negative intervals', async () => {
		const page = await session.open();
		await run(page, fixture('03_interval.sql'));
		const row = await expectShownAsVarchar(page);
		expect(row.a).toBe('2 years');
		expect(row.b).toBe('01:30:00');
		await run(
			page,
			`SELECT INTERVAL '1 year 2 months 3 days 04:05:06.789' AS i, (INTERVAL '1 year 2 months 3 days 04:05:06.789')::VARCHAR AS i_text,
			 -INTERVAL 90 MINUTE AS neg, (-INTERVAL 90 MINUTE)::VARCHAR AS neg_text,
			 TIME '23:59:59.999999' AS t, TIME '23:59:59.999999'::VARCHAR AS t_text,
			 TIMETZ '12:00:00+05:30' AS tz, TIMETZ '12:00:00+05:30'::VARCHAR AS tz_text`
		);
		const own = await expectShownAsVarchar(page);
		expect(own.t).toBe('23:59:59.999999');
		expect(own.neg).toBe('-01:30:00');
	});

	it('infinity dates (case 06b) and other out-of-range values: -infinity, BC, pre-1970, nanoseconds', async () => {
		const page = await session.open();
		await run(page, fixture('06b_infinity.sql'));
		expect((await expectShownAsVarchar(page)).inf).toBe('infinity');
		await run(
			page,
			`SELECT '-infinity'::DATE AS d, '-infinity'::DATE::VARCHAR AS d_text,
			 '-infinity'::TIMESTAMP AS ts, '-infinity'::TIMESTAMP::VARCHAR AS ts_text,
			 DATE '0044-03-15' - INTERVAL 100 YEAR AS bc, (DATE '0044-03-15' - INTERVAL 100 YEAR)::VARCHAR AS bc_text,
			 TIMESTAMP '1969-12-31 23:59:59.999999' AS pre, TIMESTAMP '1969-12-31 23:59:59.999999'::VARCHAR AS pre_text,
			 TIMESTAMP_NS '2024-02-29 12:00:00.123456789' AS ns, TIMESTAMP_NS '2024-02-29 12:00:00.123456789'::VARCHAR AS ns_text`
		);
		const own = await expectShownAsVarchar(page);
		expect(own.pre).toBe('1969-12-31 23:59:59.999999');
		expect(own.ns).toBe('2024-02-29 12:00:00.123456789');
	});

	it('a result after another (cases 14a then 14b) never keeps the old rows under a new header', async () => {
		const page = await session.open();
		await run(page, fixture('14a_prev.sql'));
		await expect.poll(() => cells(page, 1)).toEqual(['before', '42']);
		await run(page, fixture('14b_ts_infinity.sql'));
		await expect.poll(() => names(page)).toEqual(['label', 'until_ts', 'until_text']);
		expect(await cells(page, 1)).toEqual(['open-ended', 'infinity', 'infinity']);
		expect(await grid(page).getAttribute('aria-rowcount')).toBe('2');
		// Same kind, other types: wide integers, ENUM, BLOB, BIT, nested values after a small result.
		await run(page, fixture('14a_prev.sql'));
		await expect.poll(() => cells(page, 1)).toEqual(['before', '42']);
		await run(
			page,
			`SELECT 340282366920938463463374607431768211455::UHUGEINT AS u, (340282366920938463463374607431768211455::UHUGEINT)::VARCHAR AS u_text,
			 'b'::ENUM('a', 'b') AS e, ('b'::ENUM('a', 'b'))::VARCHAR AS e_text,
			 '\\xAA\\x00z'::BLOB AS bl, ('\\xAA\\x00z'::BLOB)::VARCHAR AS bl_text,
			 '10110'::BIT AS bits, ('10110'::BIT)::VARCHAR AS bits_text,
			 MAP {'k': [1.5, NULL]} AS m, (MAP {'k': [1.5, NULL]})::VARCHAR AS m_text,
			 {'a': 'x''y', 'b': [DATE '2020-01-01']} AS s, ({'a': 'x''y', 'b': [DATE '2020-01-01']})::VARCHAR AS s_text,
			 union_value(n := 3)::UNION(n INTEGER, t VARCHAR) AS un, (union_value(n := 3)::UNION(n INTEGER, t VARCHAR))::VARCHAR AS un_text,
			 1.50::DECIMAL(5,2) AS dec, (1.50::DECIMAL(5,2))::VARCHAR AS dec_text,
			 123456.0::DOUBLE AS dbl, (123456.0::DOUBLE)::VARCHAR AS dbl_text`
		);
		const own = await expectShownAsVarchar(page);
		expect(own.u).toBe('340282366920938463463374607431768211455');
		expect(own.e).toBe('b');
		expect(own.bits).toBe('10110');
		expect(await grid(page).getAttribute('aria-rowcount')).toBe('2');
	});

	it('test_all_types(): every column and row shows DuckDB’s ::VARCHAR text', async () => {
		const page = await session.open();
		await run(page, 'SELECT CAST(COLUMNS(*) AS VARCHAR) FROM test_all_types()');
		await expect.poll(() => grid(page).getAttribute('aria-rowcount')).toBe('4');
		const expected = [await cells(page, 1), await cells(page, 2), await cells(page, 3)];
		expect(expected[0]!.length).toBeGreaterThan(50);
		await run(page, 'SELECT * FROM test_all_types()');
		await expect.poll(() => headers(page).then((h) => h[2])).toBe('tinyint TINYINT');
		for (let r = 1; r <= 3; r++) expect(await cells(page, r), `row ${r}`).toEqual(expected[r - 1]);
		// Numbers are right-aligned, by DuckDB's type (UHUGEINT arrives as bytes).
		const uhuge = grid(page).locator('[role=row][aria-rowindex="2"] [role=cell]').nth(6);
		expect(await uhuge.evaluate((el) => getComputedStyle(el).textAlign)).toBe('end');
	});
});
