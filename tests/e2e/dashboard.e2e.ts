import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appPerTest, waitForEngine } from './browser';
import { recountPerFile } from './dashboard-recount';
import { CHART_TABLES, headline, table } from './dashboard-page';

const apps = appPerTest();
const rc = recountPerFile();

/**
 * Every number on the page, checked against the recount under the same filters.
 * A chart whose own selection is set shows every bar (cross-filtering): pass
 * its recount condition without that selection in `own`.
 */
async function expectRecount(page: Page, where: string, own: Record<string, string> = {}) {
	const expected = await rc.headline(where);
	await expect.poll(() => headline(page), { timeout: 30_000 }).toEqual(expected);
	for (const [chart, keys, sql] of CHART_TABLES)
		await expect
			.poll(() => table(page, chart, keys, 'Attacks'), { timeout: 10_000 })
			.toEqual(await rc.counts(sql, own[chart] ?? where));
}

async function open(path = '/', charts = true) {
	const app = await apps.open();
	await app.page.goto(app.base + path);
	await waitForEngine(app.page);
	// The build-time figures show first; wait until the engine's own answer replaced them.
	await app.page.locator('[data-timing]').waitFor();
	if (charts) await app.page.locator('[data-chart="actors"] svg').first().waitFor();
	return app.page;
}

/** Point at the actor chart's first (largest) bar and click it, as a user would. */
async function clickTopActorBar(page: Page) {
	const bar = page.locator('[data-chart="actors"] g[aria-label="bar"] rect').first();
	await bar.scrollIntoViewIfNeeded();
	const box = (await bar.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

describe('dashboard', () => {
	it('shows headline figures and chart tables equal to a recount of the attacks in data/', async () => {
		const page = await open();
		const terms = await page.locator('[data-headline] dt').allTextContents();
		expect(terms).toEqual(['Attacks', 'Fatalities', 'Injuries', 'Actors', 'Reports', 'Date range']);
		await expectRecount(page, 'attack');
	});

	it('serves the unfiltered figures in the prerendered page, before the engine starts', async () => {
		const app = await apps.open();
		const html = await (await app.page.request.get(app.base + '/')).text();
		const expected = await rc.headline('attack');
		expect(html).toMatch(new RegExp(`data-figure="attacks"[^>]*>${expected.Attacks}<`));
		expect(html).toMatch(new RegExp(`data-figure="reports"[^>]*>${expected.Reports}<`));
		await app.page.goto(app.base + '/');
		await waitForEngine(app.page);
	});

	it('filters everything and the URL when the top actor bar is clicked; reload restores the view', async () => {
		const page = await open();
		const top = await rc.first(
			'SELECT actor1 FROM f WHERE attack GROUP BY actor1 ORDER BY count(*) DESC, actor1 LIMIT 1'
		);
		const actor = String(top!.actor1);
		// The first bar is the top actor's (bars are sorted by count).
		await clickTopActorBar(page);
		await expect.poll(() => new URL(page.url()).searchParams.get('actor')).toBe(actor);
		const where = `attack AND actor1 = '${actor.replaceAll("'", "''")}'`;
		// The actor chart keeps every actor (and highlights the clicked one); the others filter.
		await expectRecount(page, where, { actors: 'attack' });
		await expect.poll(() => page.locator('[data-chips]').textContent()).toContain(actor);

		const url = page.url();
		await page.reload();
		await waitForEngine(page);
		expect(page.url()).toBe(url);
		await expectRecount(page, where, { actors: 'attack' });
		expect(await page.locator('select[data-filter="actor"]').inputValue()).toBe(actor);

		// Clicking the same bar again clears the filter.
		await clickTopActorBar(page);
		await expect.poll(() => new URL(page.url()).searchParams.has('actor')).toBe(false);
		await page.goBack();
		await expect.poll(() => new URL(page.url()).searchParams.get('actor')).toBe(actor);
	});

	it('counts all events, not only attacks, when asked, and searches notes', async () => {
		const page = await open('/?events=all');
		const expected = await rc.headline('true');
		await expect.poll(() => headline(page), { timeout: 30_000 }).toEqual(expected);
		await page.locator('input[type="search"]').fill('strike');
		await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('strike');
		await expect
			.poll(() => headline(page), { timeout: 30_000 })
			.toEqual(await rc.headline("contains(lower(notes), 'strike')"));
	});

	it('sets the date range by dragging across the weekly chart', async () => {
		const page = await open();
		const svg = page.locator('[data-chart="weeks"] svg').last();
		await svg.scrollIntoViewIfNeeded();
		const box = (await svg.boundingBox())!;
		const y = box.y + box.height / 2;
		await page.mouse.move(box.x + box.width * 0.05, y);
		await page.mouse.down();
		await page.mouse.move(box.x + box.width * 0.3, y, { steps: 5 });
		await page.mouse.up();
		await expect
			.poll(() => new URL(page.url()).searchParams.get('from'))
			.toMatch(/^\d{4}-\d{2}-\d{2}$/);
		const params = new URL(page.url()).searchParams;
		// The week chart keeps every week (the range is its own selection); the others filter.
		await expectRecount(
			page,
			`attack AND day BETWEEN DATE '${params.get('from')}' AND DATE '${params.get('to')}'`,
			{ weeks: 'attack' }
		);
	});

	it('lists incidents with the Arabic evidence right-to-left and the cited reports', async () => {
		const page = await open();
		const latest = await rc.first(
			'SELECT incident_id, evidence, source_ids FROM f WHERE attack ORDER BY day DESC, incident_id DESC LIMIT 1'
		);
		const row = page.locator(`[data-incident="${latest!.incident_id}"]`);
		await row.getByRole('button').click();
		const evidence = page.locator(`[data-detail="${latest!.incident_id}"] [data-evidence]`);
		await expect.poll(() => evidence.textContent()).toBe(latest!.evidence);
		expect(await evidence.getAttribute('dir')).toBe('rtl');
		expect(await evidence.getAttribute('lang')).toBe('ar');
		const cited = await page
			.locator(`[data-detail="${latest!.incident_id}"] [data-report]`)
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-report')));
		expect(cited).toEqual(
			String(latest!.source_ids)
				.split(';')
				.map((s) => s.trim())
		);
	});

	it('says when nothing matches and clears the filters from there', async () => {
		const page = await open('/?actor=nobody%27s%3B%20army', false);
		const base = new URL(page.url()).origin;
		await expect
			.poll(() => page.locator('[data-empty]').textContent())
			.toContain('No incidents match');
		await page.locator('[data-empty]').getByRole('button', { name: 'Clear all filters' }).click();
		await expect.poll(() => page.url()).toBe(base + '/');
		await expectRecount(page, 'attack');
	});
});
