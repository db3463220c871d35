import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appPerTest, waitForEngine } from './browser';
import { headline, table } from './dashboard-page';
import { recountPerFile } from './dashboard-recount';

const apps = appPerTest();
const rc = recountPerFile();

async function open(path: string, width = 1440): Promise<Page> {
	const app = await apps.open({ width });
	await app.page.goto(app.base + path);
	await waitForEngine(app.page);
	await app.page.locator('[data-timing]').waitFor();
	await app.page.locator('[data-chart="weeks"] svg').last().waitFor();
	return app.page;
}
const params = (page: Page) => new URL(page.url()).searchParams;
const texts = (page: Page, chart: string, axis: string) =>
	page
		.locator(`[data-chart="${chart}"] svg g[aria-label="${axis}-axis tick label"] text`)
		.allTextContents();

/** Count axes: whole numbers only, each once, from 0 up. */
async function expectWholeTicks(page: Page, chart: string, axis: 'x' | 'y') {
	await expect.poll(() => texts(page, chart, axis)).not.toEqual([]);
	const ticks = (await texts(page, chart, axis)).map((s) => s.replaceAll(',', ''));
	for (const tick of ticks) expect(tick, `${chart} ${axis} ticks ${ticks}`).toMatch(/^\d+$/);
	expect(new Set(ticks).size, `${chart} ticks ${ticks}`).toBe(ticks.length);
}

/** Time ticks name days, months or years, never hours; each week tick sits under a bar. */
async function expectWeekTicks(page: Page) {
	const labels = await texts(page, 'weeks', 'x');
	expect(labels.length).toBeGreaterThan(0);
	for (const l of labels)
		expect(l, `week ticks ${labels}`).toMatch(/^(\d{1,2} )?[A-Z][a-z]{2} \d{4}$/);
}

describe('honest dashboard charts', () => {
	it('d3_one_week: a one-week range gives whole-number axes and week or month time ticks', async () => {
		// The case's input, copied into the repository (CI's clean clone has no ../shared).
		const path = readFileSync('tests/fixtures/exactness/d3_one_week.url', 'utf8').trim();
		const page = await open(path);
		const [from, to] = [params(page).get('from')!, params(page).get('to')!];
		const where = `attack AND day BETWEEN DATE '${from}' AND DATE '${to}'`;
		await expect.poll(() => headline(page), { timeout: 30_000 }).toEqual(await rc.headline(where));
		for (const chart of ['actors', 'weapons', 'outcomes', 'targets'])
			await expectWholeTicks(page, chart, 'x');
		await expectWholeTicks(page, 'weeks', 'y');
		await expectWeekTicks(page);
	});

	it('a single attack left by a filter: one week bar, labelled by its own week, whole counts', async () => {
		// Another range of the same kind: the actor with the fewest attacks (one week of data in the chart).
		const one = await rc.first(`SELECT actor1, min(week) AS week FROM f WHERE attack GROUP BY actor1
			HAVING count(DISTINCT week) = 1 ORDER BY count(*), actor1 LIMIT 1`);
		const page = await open(`/?actor=${encodeURIComponent(String(one!.actor1))}`);
		await expectWholeTicks(page, 'weeks', 'y');
		await expectWholeTicks(page, 'weapons', 'x');
		const labels = await texts(page, 'weeks', 'x');
		// The weekly chart is cross-filtered by the actor: one week, named by its Monday, under the bar.
		const monday = new Date(`${one!.week}T00:00:00Z`);
		const name = new Intl.DateTimeFormat('en', {
			day: 'numeric',
			month: 'short',
			year: 'numeric',
			timeZone: 'UTC'
		}).format(monday);
		expect(labels).toEqual([name]);
		const svg = page.locator('[data-chart="weeks"] svg').last();
		const bar = await svg.locator('g[aria-label="rect"] rect').first().boundingBox();
		const tick = await svg.locator('g[aria-label="x-axis tick label"] text').first().boundingBox();
		const centre = tick!.x + tick!.width / 2;
		expect(centre).toBeGreaterThanOrEqual(bar!.x);
		expect(centre).toBeLessThanOrEqual(bar!.x + bar!.width);
	});

	it('clicking a week bar filters to that week; the week chart keeps its other weeks', async () => {
		const page = await open('/');
		const bar = page
			.locator('[data-chart="weeks"] svg')
			.locator('g[aria-label="rect"] rect, g[aria-label="bar"] rect')
			.first();
		await bar.scrollIntoViewIfNeeded();
		const box = (await bar.boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height - 2);
		await page.mouse.click(box.x + box.width / 2, box.y + box.height - 2);
		await expect.poll(() => params(page).get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		const [from, to] = [params(page).get('from')!, params(page).get('to')!];
		expect(new Date(`${from}T00:00:00Z`).getUTCDay()).toBe(1);
		expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(6);
		const where = `attack AND day BETWEEN DATE '${from}' AND DATE '${to}'`;
		await expect.poll(() => headline(page), { timeout: 30_000 }).toEqual(await rc.headline(where));
		await expect
			.poll(() => table(page, 'weeks', ['Week of', 'Side'], 'Attacks'))
			.toEqual(await rc.counts("week || ' ' || side", 'attack'));
	});
});
