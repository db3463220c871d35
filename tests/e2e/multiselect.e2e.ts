import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, waitForEngine } from './browser';
import { CHART_TABLES, headline, table } from './dashboard-page';
import { dashboardSuite } from './dashboard-suite';

const suite = dashboardSuite();

const sqlList = (xs: string[]) => xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(', ');

/** The headline and every panel's table equal the native recount; panel `own` (the picked one) keeps every bar. */
async function expectRecount(page: Page, where: string, own: string) {
	await expect
		.poll(() => headline(page), { timeout: 30_000 })
		.toEqual(await suite.rc.headline(where));
	for (const [chart, keys, sql] of CHART_TABLES)
		await expect
			.poll(() => table(page, chart, keys, 'Attacks'), { timeout: 30_000 })
			.toEqual(await suite.rc.counts(sql, chart === own ? 'attack' : where));
}

async function open(): Promise<Page> {
	suite.app = await openApp();
	const app = suite.app;
	await app.page.goto(app.base + '/');
	await waitForEngine(app.page);
	await app.page.locator('[data-timing]').waitFor();
	await app.page.locator('[data-chart="actors"] svg').first().waitFor();
	return app.page;
}

async function topActors(n: number): Promise<string[]> {
	const out: string[] = [];
	for (let i = 0; i < n; i++) {
		const r = await suite.rc.first(
			`SELECT actor1 FROM f WHERE attack GROUP BY actor1 ORDER BY count(*) DESC, actor1 LIMIT 1 OFFSET ${i}`
		);
		out.push(String(r!.actor1));
	}
	return out;
}

const params = (page: Page, key: string) => new URL(page.url()).searchParams.getAll(key).sort();

describe('multi-select and exclusion, recounted natively', () => {
	it('Ctrl-click on two actor bars counts both actors; Alt-click counts all but one', async () => {
		const page = await open();
		const actors = await topActors(2);
		const bar = (i: number) =>
			page.locator('[data-chart="actors"] g[aria-label="bar"] rect').nth(i);
		for (const i of [0, 1]) {
			// Playwright moves the pointer onto the bar first (the panel prepares its index), then clicks.
			await bar(i).click({ modifiers: ['Control'] });
			await expect.poll(() => params(page, 'actor')).toEqual(actors.slice(0, i + 1).sort());
		}
		await expectRecount(page, `attack AND actor1 IN (${sqlList(actors)})`, 'actors');
		// Alt-click: "all but" this actor (a new exclusion list replaces the "only" list).
		await bar(0).click({ modifiers: ['Alt'] });
		await expect.poll(() => params(page, 'not_actor')).toEqual([actors[0]]);
		await expectRecount(page, `attack AND actor1 <> ${sqlList([actors[0]!])}`, 'actors');
	});

	it('two weapons in the filter control (the edge column), then "all but" them', async () => {
		const page = await open();
		const weapons: string[] = [];
		for (let i = 0; i < 2; i++) {
			const r = await suite.rc.first(
				`SELECT weapon FROM f WHERE attack GROUP BY weapon ORDER BY count(*) DESC, weapon LIMIT 1 OFFSET ${i}`
			);
			weapons.push(String(r!.weapon));
		}
		const picker = page.locator('details[data-picker="weapon"]');
		await picker.locator('summary').click();
		// Checked as a user would: the box must be on screen (the panel once hung off the page's edge).
		for (const w of weapons) await picker.locator(`input[type="checkbox"][value="${w}"]`).check();
		await expect.poll(() => params(page, 'weapon')).toEqual([...weapons].sort());
		await expectRecount(page, `attack AND weapon IN (${sqlList(weapons)})`, 'weapons');
		await picker.locator('input[data-exclude]').check();
		await expect.poll(() => params(page, 'not_weapon')).toEqual([...weapons].sort());
		await expectRecount(page, `attack AND weapon NOT IN (${sqlList(weapons)})`, 'weapons');
	});
});
