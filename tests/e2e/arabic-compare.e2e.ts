import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { appPerTest, waitForEngine } from './browser';
import { latinText } from './latin';

/**
 * The A/B comparison on the Arabic dashboard: periods named أ and ب, names and vocabularies in
 * Arabic, figures in Arabic-Indic digits, the difference bars mirrored (labels on the right).
 */
const apps = appPerTest();
const actors = Papa.parse<Record<string, string>>(readFileSync('data/actors.csv', 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data;

describe('the Arabic comparison', () => {
	it('reads in Arabic, digits and labels included, and mirrors its difference bars', async () => {
		const app = await apps.open({ width: 1440 });
		const page = app.page;
		await page.goto(app.base + '/ar/?a=2018-01-01..2019-12-31&b=2020-01-01..2022-12-31');
		await waitForEngine(page);
		const panel = page.locator('[data-compare]');
		const chart = panel.locator('[data-chart="compare-actors"]');
		await chart.locator('g[aria-label="bar"] rect').first().waitFor({ timeout: 60_000 });
		await page.locator('[data-compare-form] summary').click();
		expect(await page.locator('[data-compare-form] legend').allTextContents()).toEqual(['أ', 'ب']);
		expect(await latinText(panel)).toEqual([]);
		expect(await latinText(page.locator('[data-compare-form]'))).toEqual([]);

		const ticks = await chart.locator('g[aria-label="y-axis tick label"] text').allTextContents();
		const arabicNames = new Set(actors.map((a) => a.name_ar));
		expect(ticks.length).toBeGreaterThan(0);
		for (const name of ticks) expect(arabicNames, name).toContain(name);
		const figures = await chart.locator('g[aria-label="text"] text').allTextContents();
		for (const f of figures) expect(f).toMatch(/^[٠-٩]+ ← [٠-٩]+$/);
		// Labels on the right of the plot: the y axis sits right of every bar.
		const axis = (await chart.locator('g[aria-label="y-axis tick label"]').boundingBox())!;
		const bars = await chart
			.locator('g[aria-label="bar"] rect')
			.evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().right));
		for (const right of bars) expect(right).toBeLessThan(axis.x);
	});
});
