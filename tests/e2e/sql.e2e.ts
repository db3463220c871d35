import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { waitForEngine } from './browser';
import { cells, consoleSession, editor, grid, headers, run, status } from './sql-console';

const session = consoleSession();
const openConsole = session.open;

/** Native DuckDB for reading exported files back; offline, like the app. */
async function nodeDuckDB() {
	const instance = await DuckDBInstance.create(':memory:', {
		autoinstall_known_extensions: 'false',
		autoload_known_extensions: 'false'
	});
	const conn = await instance.connect();
	return async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson();
}

describe('SQL console', () => {
	it('runs a query typed into the editor with Ctrl+Enter', async () => {
		const page = await openConsole();
		await editor(page).click();
		await page.keyboard.press('Control+A');
		await page.keyboard.type('SELECT 42 AS answer');
		await page.keyboard.press('Control+Enter');
		await expect.poll(() => headers(page)).toEqual(['#', 'answer INTEGER']);
		expect(await cells(page, 1)).toEqual(['42']);
		expect(await status(page).textContent()).toMatch(/1 row · \d+ ms/);
	});

	it('shows DuckDB’s error at its position, then runs the next query', async () => {
		const page = await openConsole();
		await run(page, 'SELECT 1 AS fine,\n  nosuch_column\nFROM incidents');
		const alert = page.getByRole('alert');
		await expect.poll(() => alert.textContent()).toContain('Binder Error');
		expect(await alert.textContent()).toContain('Line 2, column 3');
		expect(await page.locator('.cm-sql-error').textContent()).toBe('nosuch_column');
		await run(page, 'SELEC 42');
		await expect.poll(() => alert.textContent()).toContain('Parser Error: syntax error');
		await run(page, 'SELECT 7 AS next');
		await expect.poll(() => cells(page, 1)).toEqual(['7']);
		expect(await alert.count()).toBe(0);
		await expect.poll(() => page.locator('.cm-sql-error').count()).toBe(0);
	});

	it('draws a quick chart of a (category, number) result', async () => {
		const page = await openConsole();
		await run(
			page,
			"SELECT * FROM (VALUES ('drone', 5), ('rocket', 3), ('mortar', 1)) t(weapon, attacks)"
		);
		await page.getByRole('button', { name: 'Chart' }).click();
		const figure = page.locator('figure');
		await expect.poll(() => figure.locator('svg rect').count()).toBeGreaterThanOrEqual(3);
		expect(await figure.locator('figcaption').textContent()).toContain('attacks by weapon');
		expect(await figure.textContent()).toContain('rocket');
	});

	it('charts a measure, never a year, and lets the user pick x, y, colour and mark', async () => {
		const page = await openConsole();
		await run(
			page,
			`SELECT actor1, year(event_date) AS year, count(*) AS attacks
			FROM incidents GROUP BY ALL ORDER BY ALL`
		);
		await page.getByRole('button', { name: 'Chart' }).click();
		const figure = page.locator('figure:has([data-chart-pickers])');
		const caption = figure.locator('figcaption');
		await expect.poll(() => caption.textContent()).toContain('attacks by actor1');
		const pickers = figure.locator('[data-chart-pickers]');
		await pickers.getByLabel('x').selectOption({ label: 'year' });
		await expect.poll(() => caption.textContent()).toContain('attacks by year');
		const ticks = (axis: string) =>
			figure.locator(`svg [aria-label="${axis}-axis tick label"] text`).allTextContents();
		// Years read as written (2022, not 2,022); the count axis has whole numbers only.
		const yearsOnly = (t: string[]) => t.length > 1 && t.every((y) => /^\d{4}$/.test(y));
		await expect.poll(async () => yearsOnly(await ticks('x'))).toBe(true);
		const counts = await ticks('y');
		expect(counts.length).toBeGreaterThan(1);
		expect(counts.every((n) => /^[\d,]+$/.test(n))).toBe(true);
		await pickers.getByLabel('Colour').selectOption({ label: 'actor1' });
		await expect.poll(() => caption.textContent()).toContain('attacks by year and actor1');
		await expect.poll(() => figure.locator('[class*="-swatch"]').count()).toBeGreaterThan(1);
		await pickers.getByLabel('Mark').selectOption({ label: 'line' });
		await expect
			.poll(() => figure.locator('svg [aria-label="line"] path').count())
			.toBeGreaterThan(1);
	});

	it('shows a million-row result, virtualised, down to its last row', async () => {
		const page = await openConsole();
		await run(page, 'SELECT * FROM range(1000000)');
		await expect.poll(() => status(page).textContent()).toContain('1,000,000 rows');
		const table = grid(page);
		expect(await table.getAttribute('aria-rowcount')).toBe('1000001');
		// Only the visible rows are in the document.
		expect(await table.locator('[role=row]').count()).toBeLessThan(60);
		await table.evaluate((el) => (el.scrollTop = el.scrollHeight));
		await expect.poll(() => cells(page, 1_000_000)).toEqual(['999999']);
		const last = table.getByRole('cell', { name: '999999', exact: true });
		expect(await last.isVisible()).toBe(true);
		// Halfway down shows rows from the middle.
		await table.evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
		await expect
			.poll(async () => Number((await table.locator('[role=cell]').first().textContent()) ?? -1))
			.toBeGreaterThan(499_000);
		// Sorting the displayed result (a million rows: DuckDB sorts, off the main thread).
		const column = table.getByRole('columnheader', { name: /range/ });
		// DuckDB sorts a million rows in about a second when idle; allow for a busy machine.
		const sorting = { timeout: 60_000 };
		await column.getByRole('button').click();
		await expect.poll(() => column.getAttribute('aria-sort'), sorting).toBe('ascending');
		await column.getByRole('button').click();
		await expect.poll(() => column.getAttribute('aria-sort'), sorting).toBe('descending');
		await table.evaluate((el) => (el.scrollTop = 0));
		await expect.poll(() => cells(page, 1)).toEqual(['999999']);
	});

	it('stops reading a result too large for the tab, and says so', async () => {
		const page = await openConsole();
		await run(page, 'SELECT * FROM range(1000000000)');
		await expect
			.poll(() => status(page).textContent(), { timeout: 60_000 })
			.toContain('only the first rows');
		expect(await status(page).textContent()).toMatch(/10,\d{3},\d{3} rows/);
		await run(page, 'SELECT 3 AS still_works');
		await expect.poll(() => cells(page, 1)).toEqual(['3']);
	});

	it('shows dates, exact numbers, nested values, NULL and Arabic text correctly', async () => {
		const page = await openConsole();
		await run(
			page,
			`SELECT DATE '2022-08-24' AS d, TIMESTAMP '2022-08-24 13:45:10' AS ts, 123.45::DECIMAL(10,2) AS dec,
			9007199254740993::BIGINT AS big, 170141183460469231731687303715884105727::HUGEINT AS huge,
			[1, 2] AS list, {'a': 'x'} AS st, NULL AS nothing, '' AS empty, 'دير الزور' AS place`
		);
		await expect
			.poll(() => cells(page, 1))
			.toEqual([
				'2022-08-24',
				'2022-08-24 13:45:10',
				'123.45',
				'9007199254740993',
				'170141183460469231731687303715884105727',
				'[1, 2]',
				"{'a': x}", // DuckDB's own ::VARCHAR text of the STRUCT
				'NULL',
				'',
				'دير الزور'
			]);
		expect((await headers(page)).slice(1, 6)).toEqual([
			'd DATE',
			'ts TIMESTAMP',
			'dec DECIMAL(10,2)',
			'big BIGINT',
			'huge HUGEINT'
		]);
		const row = grid(page).locator('[role=row][aria-rowindex="2"]');
		const nullCell = row.getByRole('cell').nth(7);
		const emptyCell = row.getByRole('cell').nth(8);
		expect(await nullCell.getAttribute('class')).toContain('null');
		expect(await emptyCell.getAttribute('class')).not.toContain('null');
		const arabic = row.getByRole('cell', { name: 'دير الزور' });
		expect(await arabic.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
		const number = row.getByRole('cell', { name: '123.45' });
		expect(await number.evaluate((el) => getComputedStyle(el).textAlign)).toBe('end');
		// The incident table's event_date is a DATE too.
		await run(page, 'SELECT min(event_date) AS first FROM incidents');
		await expect.poll(() => cells(page, 1)).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\d$/)]);
	});

	it('exports CSV that DuckDB reads back as the same rows, and Parquet that reads back', async () => {
		const page = await openConsole();
		await run(page, 'SELECT * FROM incidents ORDER BY incident_id');
		await expect.poll(() => status(page).textContent()).toMatch(/rows?/);
		const dir = mkdtempSync(join(tmpdir(), 'raqib-export-'));
		try {
			const csvFile = join(dir, 'result.csv');
			const [csv] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('button', { name: 'CSV' }).click()
			]);
			await csv.saveAs(csvFile);
			expect(csv.suggestedFilename()).toMatch(/^raqib-query-.*\.csv$/);
			// The browser's table was loaded from data/incidents.csv: compare the export with that file,
			// both read as text by DuckDB, row for row (ORDER-independent, duplicates counted).
			const sql = await nodeDuckDB();
			const source = `read_csv('data/incidents.csv', all_varchar = true)`;
			const exported = `read_csv('${csvFile}', all_varchar = true)`;
			expect(
				await sql(`SELECT count(*)::INTEGER AS n FROM (
					(FROM ${source} EXCEPT ALL FROM ${exported}) UNION ALL (FROM ${exported} EXCEPT ALL FROM ${source}))`)
			).toEqual([{ n: 0 }]);
			const [{ n: shipped }] = (await sql(`SELECT count(*)::INTEGER AS n FROM ${source}`)) as [
				{ n: number }
			];
			expect(await sql(`SELECT count(*)::INTEGER AS n FROM ${exported}`)).toEqual([{ n: shipped }]);

			const [parquet] = await Promise.all([
				page.waitForEvent('download'),
				page.getByRole('button', { name: 'Parquet' }).click()
			]);
			const parquetFile = join(dir, 'result.parquet');
			await parquet.saveAs(parquetFile);
			const bytes = readFileSync(parquetFile);
			const rows = await parquetReadObjects({
				file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
			});
			expect(rows).toHaveLength(shipped);
			expect(
				await sql(
					`SELECT count(*)::INTEGER AS n, min(event_date)::VARCHAR AS d FROM read_parquet('${parquetFile}')`
				)
			).toEqual(
				await sql(`SELECT count(*)::INTEGER AS n, min(event_date)::VARCHAR AS d FROM ${source}`)
			);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('pre-fills a shared query after reload without running it, and keeps history', async () => {
		const profile = mkdtempSync(join(tmpdir(), 'raqib-profile-'));
		try {
			let page = await openConsole({ profile });
			const query = "SELECT 'shared link' AS what";
			await run(page, query);
			await expect.poll(() => cells(page, 1)).toEqual(['shared link']);
			await page.getByRole('button', { name: 'Share link' }).click();
			const link = await page.getByRole('textbox', { name: 'Link to this query' }).inputValue();
			// In the fragment: it never reaches the server.
			expect(new URL(link).search).toBe('');
			expect(new URLSearchParams(new URL(link).hash.slice(1)).get('q')).toBe(query);
			await session.close();

			page = await openConsole({ profile, path: new URL(link).pathname + new URL(link).hash });
			await expect.poll(() => editor(page).textContent()).toBe(query);
			expect(await page.getByRole('status').filter({ hasText: 'Review it' }).count()).toBe(1);
			expect(await grid(page).count()).toBe(0); // nothing ran
			await page.getByText(/^History \(/).click();
			expect(await page.getByRole('button', { name: query }).count()).toBe(1);
			// A named query survives a reload too.
			await page.getByText(/^Saved queries \(/).click();
			await page.getByRole('textbox', { name: 'Name' }).fill('my link query');
			await page.getByRole('button', { name: 'Save query' }).click();
			await page.reload();
			await waitForEngine(page);
			await page.getByText(/^Saved queries \(/).click();
			await page.getByRole('button', { name: 'my link query', exact: true }).click();
			await expect.poll(() => editor(page).textContent()).toBe(query);
		} finally {
			rmSync(profile, { recursive: true, force: true });
		}
	});

	it('brings the incident table back after DROP TABLE with "Restore tables"', async () => {
		const page = await openConsole();
		await run(page, 'SELECT count(*)::INTEGER AS n FROM incidents');
		await expect.poll(() => cells(page, 1)).toHaveLength(1);
		const [before] = await cells(page, 1);
		await run(page, 'DROP TABLE incidents');
		const banner = page.getByRole('status').filter({ hasText: 'Changed from SQL' });
		await expect.poll(() => banner.textContent()).toContain('incidents');
		await run(page, 'SELECT count(*) FROM incidents');
		await expect.poll(() => page.getByRole('alert').textContent()).toContain('incidents');
		await banner.getByRole('button', { name: 'Restore tables' }).click();
		await expect.poll(() => banner.count()).toBe(0);
		await run(page, 'SELECT count(*)::INTEGER AS n FROM incidents');
		await expect.poll(() => cells(page, 1)).toEqual([before]);
		await expect.poll(() => page.locator('[data-incidents]').textContent()).toBe(before);
	});

	it('cancels a long query and stays usable', async () => {
		const page = await openConsole();
		await editor(page).click();
		await page.keyboard.press('Control+A');
		await page.keyboard.insertText('SELECT sum(hash(i)) FROM range(50000000000) t(i)');
		await page.getByRole('button', { name: 'Run' }).click();
		const cancel = page.getByRole('button', { name: 'Cancel' });
		await expect.poll(() => cancel.isEnabled()).toBe(true);
		await expect.poll(() => status(page).textContent()).toContain('Running');
		await cancel.click();
		await expect.poll(() => page.getByRole('alert').textContent()).toContain('cancelled');
		await run(page, 'SELECT 1 AS after_cancel');
		await expect.poll(() => cells(page, 1)).toEqual(['1']);
	});

	it('runs several statements, updates the schema browser, sorts, and runs only the selection', async () => {
		const page = await openConsole();
		await run(
			page,
			"CREATE TABLE notes AS SELECT * FROM (VALUES (2, 'b'), (10, 'a'), (1, NULL)) v(n, s);\nSELECT * FROM notes"
		);
		await expect.poll(() => status(page).textContent()).toContain('last of 2 statements');
		await expect
			.poll(() => page.getByRole('button', { name: 'notes', exact: true }).count())
			.toBe(1);
		const n = grid(page).getByRole('columnheader', { name: /^n/ });
		await n.getByRole('button').click();
		expect(await n.getAttribute('aria-sort')).toBe('ascending');
		await expect.poll(() => cells(page, 1)).toEqual(['1', 'NULL']);
		await n.getByRole('button').click();
		await expect.poll(() => cells(page, 1)).toEqual(['10', 'a']);
		// Select only the second line and run it.
		await editor(page).click();
		await page.keyboard.press('Control+A');
		await page.keyboard.insertText('SELECT 1 AS first;\nSELECT 2 AS second');
		await page.keyboard.press('Shift+Home');
		expect(await page.getByRole('button', { name: 'Run selection' }).count()).toBe(1);
		await page.keyboard.press('Control+Enter');
		await expect.poll(() => headers(page)).toEqual(['#', 'second INTEGER']);
		// The new table is offered by autocompletion.
		await page.keyboard.press('Control+A');
		await page.keyboard.insertText('SELECT * FROM not');
		await page.keyboard.press('Control+Space');
		await expect
			.poll(() => page.locator('.cm-tooltip-autocomplete [role=option]').allTextContents())
			.toContain('notes');
		await page.keyboard.press('Escape');
		// Clicking a name in the schema browser inserts it.
		await page.keyboard.press('Control+A');
		await page.keyboard.insertText('SELECT * FROM ');
		await page.getByRole('button', { name: 'notes', exact: true }).click();
		expect(await editor(page).textContent()).toBe('SELECT * FROM notes');
	});
});
