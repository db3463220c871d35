import { describe, expect, it } from 'vitest';
import { appPerTest, waitForEngine } from './browser';
import { recountPerFile } from './dashboard-recount';

const apps = appPerTest();
const rc = recountPerFile();

const A = { from: '2022-01-01', to: '2022-12-31' };
const B = { from: '2023-01-01', to: '2023-12-31' };

describe('period comparison', () => {
	it('shows A, B and the change for the headline figures, and every chart as A against B', async () => {
		const app = await apps.open();
		const { page } = app;
		await page.goto(app.base);
		await waitForEngine(page);
		// The form's suggestion follows the trend panel: let it settle before typing.
		await page.locator('[data-trend-window]').waitFor({ timeout: 60_000 });
		// Pick the periods in the form: they land in the URL.
		await page.locator('[data-compare-form] summary').click();
		const form = page.locator('[data-compare-form] form');
		await form.locator('[name="a_from"]').fill(A.from);
		await form.locator('[name="a_to"]').fill(A.to);
		await form.locator('[name="b_from"]').fill(B.from);
		await form.locator('[name="b_to"]').fill(B.to);
		await form.locator('[data-compare-go]').click();
		await expect
			.poll(() => new URL(page.url()).search)
			.toBe(`?a=${A.from}..${A.to}&b=${B.from}..${B.to}`);

		const row = page.locator('[data-compare-figure="attacks"]');
		await row.waitFor({ timeout: 60_000 });
		const between = (r: typeof A) => `attack AND day BETWEEN DATE '${r.from}' AND DATE '${r.to}'`;
		const [a, b] = [
			(await rc.headline(between(A))).Attacks,
			(await rc.headline(between(B))).Attacks
		];
		expect([await row.getAttribute('data-a'), await row.getAttribute('data-b')]).toEqual([a, b]);
		const change = Number(b) - Number(a);
		expect(await row.locator('td').nth(2).textContent()).toContain(
			change > 0 ? `+${change}` : change < 0 ? `−${-change}` : '0'
		);
		for (const chart of [
			'compare-weeks',
			'compare-actors',
			'compare-targets',
			'compare-places',
			'compare-weapons',
			'compare-outcomes'
		])
			await page.locator(`[data-chart="${chart}"] svg`).first().waitFor();
		// The actor chart's table: A and B per actor equal the recount.
		const frame = page.locator('[data-chart="compare-actors"]');
		await frame.getByRole('button', { name: 'Table' }).click();
		const cells = await frame
			.locator('table tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()))
			);
		const byActor = async (r: typeof A) => rc.counts('actor1', between(r));
		const [ca, cb] = [await byActor(A), await byActor(B)];
		expect(cells.length).toBe(new Set([...Object.keys(ca), ...Object.keys(cb)]).size);
		for (const [actor, va, vb] of cells)
			expect([Number(va), Number(vb)], actor).toEqual([ca[actor!] ?? 0, cb[actor!] ?? 0]);
		await page.screenshot({ path: 'test-results/compare-1440.png', fullPage: true });

		await page.locator('[data-compare]').getByRole('button', { name: 'Stop comparing' }).click();
		await expect.poll(() => new URL(page.url()).search).toBe('');
	});
});
