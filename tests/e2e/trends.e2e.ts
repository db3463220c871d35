import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { closeAndCheck, openApp, waitForEngine, type App } from './browser';
import { trendRecount, type TrendRecount } from './trends-recount';

let app: App | undefined;
let rc: TrendRecount;
beforeAll(async () => {
	rc = await trendRecount();
});
afterAll(() => rc.close());
afterEach(async () => {
	const current = app;
	app = undefined;
	await closeAndCheck(current);
});

const panel = (page: Page) => page.locator('[data-panel="what-changed"]');

/** Wait for the panel to show the window starting `monday`, then read every tab's rows. */
async function panelCounts(page: Page, monday: string) {
	await panel(page).locator(`[data-trend-window="${monday}"]`).waitFor({ timeout: 60_000 });
	await expect.poll(() => panel(page).getAttribute('aria-busy')).toBe('false');
	const out: Record<string, [number, number, number]> = {};
	for (const tab of await panel(page).locator('[data-trend-tab]').all()) {
		await tab.click();
		const dim = await tab.getAttribute('data-trend-tab');
		const more = panel(page).getByRole('button', { name: /^Show all/ });
		if (await more.count()) await more.click();
		const rows = await panel(page)
			.locator(`[data-trend-table="${dim}"] [data-trend-row]`)
			.evaluateAll((trs) =>
				trs.map((tr) => {
					const d = (tr as HTMLElement).dataset;
					return [`${d.dim}|${d.key}`, [Number(d.now), Number(d.base), Number(d.year)]] as const;
				})
			);
		for (const [k, v] of rows) out[k] = [...v];
	}
	return out;
}

describe('What changed panel', () => {
	it('shows, for the latest complete week and for a picked week, the figures a native DuckDB recount gives', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(app.base);
		await waitForEngine(page);
		expect(rc.latestWeek).toBe('2023-10-30'); // the shipped data ends on a Thursday
		expect(await panelCounts(page, rc.latestWeek)).toEqual(await rc.counts(rc.latestWeek, 4));
		await panel(page).locator('[data-trend-ref]').fill('2023-11-08');
		await expect.poll(() => new URL(page.url()).searchParams.get('ref')).toBe('2023-11-08');
		expect(await panelCounts(page, '2023-11-06')).toEqual(await rc.counts('2023-11-06', 4));
		await expect(panel(page).locator('[data-trend-incomplete]').count()).resolves.toBe(1);
		const sharp = panel(page).locator('[data-trend-row][data-key="US-led coalition"]');
		await panel(page).locator('[data-trend-tab="actor"]').click();
		expect(await sharp.getAttribute('data-level')).toBe('sharp');
		await page.screenshot({ path: 'test-results/trends-panel.png', fullPage: true });
	});

	it('filters the dashboard by a clicked row, and to "new in this period"', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.base}?ref=2023-11-06`);
		await waitForEngine(page);
		await panel(page).locator('[data-trend-window="2023-11-06"]').waitFor({ timeout: 60_000 });
		await panel(page).getByRole('button', { name: 'US-led coalition' }).click();
		await expect.poll(() => new URL(page.url()).searchParams.get('actor')).toBe('US-led coalition');
		expect(new URL(page.url()).searchParams.get('ref')).toBe('2023-11-06');
		await page.goto(`${app.base}?ref=2023-11-06`);
		await panel(page).locator('[data-emerging-filter]').click();
		await expect.poll(() => new URL(page.url()).searchParams.get('new')).toBe('1');
		const url = new URL(page.url());
		expect([url.searchParams.get('from'), url.searchParams.get('to')]).toEqual([
			'2023-11-06',
			'2023-11-12'
		]);
		const expected = await rc.newIn('2023-11-06', '2023-11-12');
		expect(expected).toBeGreaterThan(0);
		await expect
			.poll(() => page.locator('[data-headline] dd').first().textContent(), { timeout: 30_000 })
			.toBe(String(expected));
	});
});
