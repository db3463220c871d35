import { chromium } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { closeAndCheck, openApp, waitForEngine, type App } from './browser';
import { ARGS, CHROMIUM } from './chromium.js';

// Every panel of the registry (src/lib/dashboard/registry.ts), in page order.
const CHARTS = ['weeks', 'actors', 'targets', 'map', 'admin1', 'weapons', 'outcomes'];

let app: App | undefined;
afterEach(async () => {
	const current = app;
	app = undefined;
	await closeAndCheck(current);
});

describe('charts in the first paint', () => {
	it('are in the HTML of / as SVG before any script runs', async () => {
		const html = await (await fetch(inject('baseURL') + '/')).text();
		// Each chart's section, up to the next one, holds the build's SVG.
		const sections = html.split('data-chart="').slice(1);
		expect(sections.map((s) => s.slice(0, s.indexOf('"')))).toEqual(CHARTS);
		for (const s of sections) {
			expect(s, s.slice(0, 20)).toMatch(/data-prerendered="[0-9a-f]{8}"/);
			expect(s).toMatch(/<svg[^>]*class="plot-/);
		}
		// Real marks, not an empty frame: the actors chart has a bar per actor.
		expect(sections[1]!.match(/<rect /g)?.length ?? 0).toBeGreaterThan(3);
	});

	it('show with JavaScript disabled', async () => {
		const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
		try {
			const context = await browser.newContext({
				javaScriptEnabled: false,
				viewport: { width: 1440, height: 900 }
			});
			const page = await context.newPage();
			await page.goto(inject('baseURL') + '/');
			for (const id of CHARTS) {
				const svg = page.locator(`main [data-chart="${id}"] svg`).last();
				const box = await svg.boundingBox();
				expect(box?.width, id).toBeGreaterThan(200);
				expect(box?.height, id).toBeGreaterThan(50);
			}
		} finally {
			await browser.close();
		}
	});

	it('are kept, not redrawn, when the engine is up; the live chart comes with the pointer', async () => {
		app = await openApp({ width: 1440 });
		// Count every prerendered picture taken out of the page, from before the first script.
		await app.page.addInitScript(() => {
			const w = window as unknown as { removed: number };
			w.removed = 0;
			new MutationObserver((records) => {
				for (const r of records)
					for (const n of r.removedNodes)
						if (n instanceof Element && n.matches('[data-prerendered]')) w.removed++;
			}).observe(document, { childList: true, subtree: true });
		});
		const { page } = app;
		await page.goto(app.base + '/');
		await waitForEngine(page);
		await expect
			.poll(() => page.locator('main [data-chart] [data-figure], [data-figure="attacks"]').count())
			.toBeGreaterThan(0);
		expect(await page.locator('main [data-prerendered]').count()).toBe(CHARTS.length);
		expect(await page.evaluate(() => (window as unknown as { removed: number }).removed)).toBe(0);

		// Hovering a bar: the live chart takes over and shows its tooltip.
		const bar = page.locator('main [data-chart="actors"] svg rect').first();
		await bar.hover();
		await expect
			.poll(() => page.locator('main [data-chart="actors"] [data-prerendered]').count())
			.toBe(0);
		await expect
			.poll(() => page.locator('main [data-chart="actors"] [aria-label="tip"]').count())
			.toBe(1);
	});
});
