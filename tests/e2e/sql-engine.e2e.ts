import type { App } from './browser';
import { describe, expect, it } from 'vitest';
import { cells, consoleSession, run } from './sql-console';

const session = consoleSession();

/**
 * Serve the app as a host that ignores `_headers` would: no header CSP, so
 * only the engine itself stands between console SQL and other origins.
 * Requests to other origins still fall through to openApp's guard, which
 * records them and fails the test.
 */
async function withoutHeaderCsp(app: App) {
	await app.context.route('**/*', async (route) => {
		if (new URL(route.request().url()).origin !== new URL(app.base).origin) return route.fallback();
		const response = await route.fetch();
		const headers = { ...response.headers() };
		delete headers['content-security-policy'];
		return route.fulfill({ response, headers });
	});
}

describe('SQL console: locked engine', () => {
	it('refuses remote files, ATTACH, COPY TO and settings, and stays usable', async () => {
		const page = await session.open({ before: withoutHeaderCsp });
		const alert = page.getByRole('alert');
		const refused: [string, RegExp][] = [
			["SELECT * FROM read_csv('http://example.com/x.csv')", /Permission Error.*disabled/],
			["SELECT * FROM read_text('https://example.com/x.txt')", /Permission Error.*disabled/],
			["ATTACH 'http://example.com/x.duckdb' AS remote", /Permission Error.*disabled/],
			["COPY (SELECT 1) TO 'http://example.com/out.csv'", /Permission Error.*disabled/],
			["COPY (SELECT 1) TO '/tmp/out.csv'", /Permission Error.*disabled/],
			['SET autoinstall_known_extensions = true', /configuration has been locked/],
			['SET autoload_known_extensions = true', /configuration has been locked/],
			['SET enable_external_access = true', /configuration has been locked/],
			["SET memory_limit = '32MB'", /configuration has been locked/],
			['RESET lock_configuration', /configuration has been locked/],
			['LOAD httpfs', /Permission Error/]
		];
		for (const [sql, message] of refused) {
			await run(page, sql);
			await expect.poll(() => alert.textContent(), { message: sql }).toMatch(message);
			// After every refusal the engine still answers, with the shipped tables in place.
			await run(page, 'SELECT count(*) > 0 AS ok FROM incidents');
			await expect.poll(() => cells(page, 1), { message: sql }).toEqual(['true']);
		}
	});
});

describe('SQL console: leaving mid-query', () => {
	it('finishes a query after the page was left, without a page error', async () => {
		const page = await session.open();
		const runs = async () => Number(await page.locator('p.status').getAttribute('data-runs'));
		const before = await runs();
		await page.getByRole('textbox', { name: 'SQL' }).focus();
		await page.keyboard.press('Control+A');
		await page.keyboard.insertText('SELECT sum(hash(i)) AS s FROM range(20000000) t(i)');
		await page.keyboard.press('Control+Enter');
		await page.getByRole('link', { name: 'Dashboard' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/sql'));
		await page.getByRole('link', { name: 'SQL' }).click();
		// Back on /sql the finished run is counted; any throw on the way was caught by closeAndCheck.
		await expect.poll(runs, { timeout: 60_000 }).toBeGreaterThan(before);
		await run(page, 'SELECT 5 AS after_leaving');
		await expect.poll(() => cells(page, 1)).toEqual(['5']);
	});
});

describe('SQL console: damaged saved lists', () => {
	it('skips [null], junk and duplicate entries, says so, and keeps working', async () => {
		const page = await session.open({
			before: (app) =>
				app.context.addInitScript(() => {
					if (sessionStorage.getItem('seeded')) return;
					sessionStorage.setItem('seeded', '1');
					const saved = { name: 'twice', sql: 'SELECT 2 AS two', at: 1 };
					localStorage.setItem('raqib.sql.saved', JSON.stringify([null, saved, saved, 7]));
					const ran = { sql: 'SELECT 1 AS one', at: 1, ok: true };
					localStorage.setItem('raqib.sql.history', JSON.stringify([null, ran, ran, { sql: 3 }]));
				})
		});
		await expect
			.poll(() => page.getByRole('status').filter({ hasText: 'damaged entries' }).textContent())
			.toContain('6 damaged entries');
		await page.getByText(/^Saved queries \(1\)/).click();
		await page.getByRole('button', { name: 'twice', exact: true }).click();
		await page.keyboard.press('Control+Enter');
		await expect.poll(() => cells(page, 1), { timeout: 60_000 }).toEqual(['2']);
		await page.getByText(/^History \(/).click();
		expect(await page.getByRole('button', { name: 'SELECT 1 AS one' }).count()).toBe(1);
	});
});
