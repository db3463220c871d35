import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, waitForEngine } from './browser';
import { headline } from './dashboard-page';
import { dashboardSuite } from './dashboard-suite';
import { cells, run, status } from './sql-console';

const suite = dashboardSuite();

/** Open `path` with the test-only hooks on (window.raqibTest). */
async function open(path: string): Promise<Page> {
	suite.app = await openApp();
	const app = suite.app;
	await app.context.addInitScript(() => localStorage.setItem('raqib:test-hooks', '1'));
	await app.page.goto(app.base + path);
	await waitForEngine(app.page);
	await app.page.waitForFunction(() => 'raqibTest' in window);
	return app.page;
}

/** Terminate DuckDB's worker behind the app's back, as a crash would. */
const kill = (page: Page) =>
	page.evaluate(() =>
		(window as unknown as { raqibTest: { killEngine(): Promise<void> } }).raqibTest.killEngine()
	);

/** The shell's note that the engine stopped and was started again. */
const notice = (page: Page) => page.locator('[data-restarted]');

describe('engine restart without a reload', () => {
	it('dashboard: a click after the engine died is answered by the new engine, and the page says so', async () => {
		const page = await open('/');
		await page.locator('[data-timing]').waitFor();
		await expect
			.poll(() => headline(page), { timeout: 30_000 })
			.toEqual(await suite.rc.headline('attack'));
		await kill(page);
		const top = await suite.rc.first(
			'SELECT actor1 FROM f WHERE attack GROUP BY actor1 ORDER BY count(*) DESC, actor1 LIMIT 1'
		);
		const actor = String(top!.actor1);
		await page.locator('[data-chart="actors"] g[aria-label="bar"] rect').first().click();
		await expect.poll(() => new URL(page.url()).searchParams.get('actor')).toBe(actor);
		await expect
			.poll(() => headline(page), { timeout: 60_000 })
			.toEqual(await suite.rc.headline(`attack AND actor1 = '${actor.replaceAll("'", "''")}'`));
		await expect.poll(() => notice(page).count(), { timeout: 30_000 }).toBe(1);
		// No panel is left with the dead engine's error (the analyses beside the charts reconnect too).
		await expect
			.poll(() => page.locator('main [role="alert"]').count(), { timeout: 30_000 })
			.toBe(0);
		// The incident list came back too (it runs on the same coordinator, after the charts).
		await expect
			.poll(() => page.locator('[data-list] tr[data-incident]').count(), { timeout: 30_000 })
			.toBeGreaterThan(0);
	});

	it('SQL console: a query after the engine died runs on the new engine', async () => {
		const page = await open('/sql');
		await page.getByRole('button', { name: 'incidents', exact: true }).waitFor();
		await run(page, 'SELECT 41 + 1 AS answer');
		expect(await cells(page, 1)).toEqual(['42']);
		await kill(page);
		// The console notices the dead engine before sending: no stale connection, no failed run.
		await run(page, 'SELECT count(*) AS n FROM incidents');
		const expected = await suite.rc.first('SELECT count(*)::INTEGER AS n FROM f');
		expect(await cells(page, 1)).toEqual([String(expected!.n)]);
		await expect.poll(() => notice(page).count(), { timeout: 30_000 }).toBe(1);
		expect(await status(page).textContent()).not.toMatch(/stopped|error/i);
	});
	it('upload: a file picked after the engine died is staged and applied on the new engine', async () => {
		const page = await open('/data');
		const rows = Papa.parse<string[]>(readFileSync('data/incidents.csv', 'utf8').trimEnd()).data;
		const header = rows[0]!;
		const id = header.indexOf('incident_id');
		// One shipped row under a new id of its year: one added incident.
		const row = [...rows[1]!];
		row[id] = row[id]!.replace(/-\d{4}$/, '-9901');
		row[header.indexOf('event_id_cnty')] = row[id]!;
		const count = () => page.locator('[data-incidents]').textContent();
		await expect.poll(count, { timeout: 30_000 }).toBe(String(rows.length - 1));
		await kill(page);
		await page.getByLabel('Upload CSV').setInputFiles({
			name: 'after-crash.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(Papa.unparse([header, row], { newline: '\n' }) + '\n')
		});
		const card = page.getByRole('article', { name: 'after-crash.csv' });
		await expect
			.poll(() => card.locator('[data-added]').textContent(), { timeout: 60_000 })
			.toBe('1');
		await card.getByRole('button', { name: 'Apply' }).click();
		await expect.poll(() => card.locator('[data-applied]').count(), { timeout: 30_000 }).toBe(1);
		await expect.poll(count, { timeout: 30_000 }).toBe(String(rows.length));
		await expect.poll(() => notice(page).count(), { timeout: 30_000 }).toBe(1);
	});
});
