import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, waitForEngine, type App, closeAndCheck } from './browser';
import { latinText } from './latin';

/**
 * The Arabic pages as an Arabic reader meets them: no English interface text, nothing wider
 * than the screen, the self-hosted Arabic face (and no font from anywhere else), clicks and
 * the incident list working as in English, names and dates in Arabic.
 */

let app: App | undefined;
afterEach(async () => {
	const current = app;
	app = undefined;
	await closeAndCheck(current);
});

/** Each Arabic page, and what shows it is fully drawn (charts, brief) before it is read. */
const PAGES: [path: string, ready: string][] = [
	['/ar/', '[data-chart="outcomes"] svg'],
	['/ar/sql/', '.cm-editor'],
	['/ar/data/', 'main'],
	['/ar/data/codebook/', 'main'],
	['/ar/brief/', '[data-brief][data-ready="true"]']
];

/** How far the page scrolls sideways (0 = nothing wider than the window). */
const overflow = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const csv = (table: string) =>
	Papa.parse<Record<string, string>>(readFileSync(`data/${table}.csv`, 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;

/** Levantine month names (Intl 'ar-SY'), as the source reports write them. */
/** Long enough for a busy 2-core machine to re-query and redraw after a click. */
const WAIT = { timeout: 30_000 };

const MONTHS =
	/كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|كانون الأول/;

describe('Arabic pages at phone and desktop width', () => {
	it('show no English interface text, do not overflow, and load only the self-hosted Arabic face', async () => {
		app = await openApp({ width: 390 });
		const page = app.page;
		const fonts: string[] = [];
		page.on('request', (r) => {
			if (r.resourceType() === 'font') fonts.push(r.url());
		});
		for (const [path, ready] of PAGES) {
			await page.setViewportSize({ width: 390, height: 900 });
			await page.goto(app.base + path);
			await waitForEngine(page);
			await page.locator(ready).first().waitFor({ timeout: 60_000 });
			await page.evaluate(() => document.fonts.ready.then(() => undefined));
			expect(await latinText(page), path).toEqual([]);
			expect(await overflow(page), `${path} at 390 px`).toBe(0);
			await page.setViewportSize({ width: 1440, height: 900 });
			await expect
				.poll(() => overflow(page), { message: `${path} at 1440 px`, timeout: 30_000 })
				.toBe(0);
			expect(await latinText(page), `${path} at 1440 px`).toEqual([]);
			expect(
				await page.evaluate(() => document.fonts.check('16px "Noto Sans Arabic"', 'عربي')),
				path
			).toBe(true);
		}
		expect(fonts.some((u) => /noto-sans-arabic-arabic-400-normal\.[\w-]*\.?woff2$/.test(u))).toBe(
			true
		);
		for (const url of fonts) expect(new URL(url).origin, url).toBe(new URL(app.base).origin);
	});
});

describe('the Arabic dashboard', () => {
	it('filters by a clicked bar, names the pick in Arabic, and lists incidents in Arabic', async () => {
		app = await openApp({ width: 1440 });
		const page = app.page;
		await page.goto(app.base + '/ar/');
		await waitForEngine(page);
		const bar = page.locator('[data-chart="actors"] g[aria-label="bar"] rect').first();
		await bar.waitFor();
		await bar.scrollIntoViewIfNeeded();
		const box = (await bar.boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		await expect.poll(() => new URL(page.url()).searchParams.get('actor'), WAIT).not.toBeNull();
		// The URL keeps the stored (English) value; everything shown names it in Arabic.
		const actor = new URL(page.url()).searchParams.get('actor')!;
		const arabic = csv('actors').find((a) => a.actor === actor)?.name_ar;
		expect(arabic, actor).toBeTruthy();
		await expect.poll(() => page.locator('[data-chips]').textContent(), WAIT).toContain(arabic);
		const select = page.locator('select[data-filter="actor"]');
		expect(await select.inputValue()).toBe(actor);
		expect(await select.locator('option:checked').textContent()).toBe(arabic);

		const rows = page.locator('[data-incident]');
		const cells = () =>
			rows.evaluateAll((trs) =>
				trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()))
			);
		// Every listed incident is the clicked actor's, named in Arabic and dated in Levantine months.
		await expect
			.poll(async () => {
				const list = await cells();
				return list.length > 0 && list.every((c) => c[2] === arabic && MONTHS.test(c[1]!));
			}, WAIT)
			.toBe(true);
		const first = rows.first();
		await first.getByRole('button').click();
		const id = await first.getAttribute('data-incident');
		const detail = page.locator(`[data-detail="${id}"]`);
		await expect
			.poll(() => detail.locator('[data-evidence]').getAttribute('dir'), WAIT)
			.toBe('rtl');
		expect(await latinText(page)).toEqual([]);
	});

	it('takes dates as YYYY-MM-DD in either digits and shows them in Levantine months', async () => {
		app = await openApp({ width: 390 });
		const page = app.page;
		await page.goto(app.base + '/ar/');
		await waitForEngine(page);
		// No browser date control (mm/dd/yyyy) is visible anywhere on the page.
		const visibleDateInputs = await page
			.locator('input[type="date"]')
			.evaluateAll((els) => els.filter((e) => e.checkVisibility({ opacityProperty: true })).length);
		expect(visibleDateInputs).toBe(0);
		const from = page.locator('[data-filter="from"]');
		expect(await from.getAttribute('placeholder')).toBe('سنة-شهر-يوم');
		await from.fill('٢٠٢٢-٠٨-٢٢');
		await expect.poll(() => new URL(page.url()).searchParams.get('from'), WAIT).toBe('2022-08-22');
		await expect
			.poll(() => page.locator('[data-date-echo]').first().textContent(), WAIT)
			.toBe('٢٢ آب ٢٠٢٢');
		await expect
			.poll(() => page.locator('[data-chips]').textContent(), WAIT)
			.toContain('٢٢ آب ٢٠٢٢');

		await page.goto(app.base + '/?from=2022-08-22');
		await waitForEngine(page);
		expect(await page.locator('[data-filter="from"]').getAttribute('placeholder')).toBe(
			'YYYY-MM-DD'
		);
		expect(await page.locator('[data-filter="from"]').inputValue()).toBe('2022-08-22');
	});

	it('exports charts with the Arabic face embedded (SVG and PNG), English ones without it', async () => {
		app = await openApp({ width: 1440 });
		const page = app.page;
		const exported = async (format: 'SVG' | 'PNG') => {
			const chart = page.locator('[data-chart="actors"]');
			await chart.locator('svg').first().waitFor();
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				chart.getByRole('button', { name: format, exact: true }).click()
			]);
			return readFileSync((await download.path())!);
		};
		await page.goto(app.base + '/ar/');
		await waitForEngine(page);
		const svg = (await exported('SVG')).toString('utf8');
		expect(svg).toContain("@font-face{font-family:'Noto Sans Arabic'");
		expect(svg).toContain('data:font/woff2;base64,');
		expect(svg).toContain(csv('actors')[0]!.name_ar);
		const png = await exported('PNG');
		expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
		// Kept for a person to look at (test-results/ is not committed).
		mkdirSync('test-results', { recursive: true });
		writeFileSync('test-results/arabic-actors.png', png);

		await page.goto(app.base + '/');
		await waitForEngine(page);
		expect((await exported('SVG')).toString('utf8')).not.toContain('@font-face');
	});
});

describe('the Arabic codebook', () => {
	it('gives the column glossary and every vocabulary with its Arabic label, then the English codebook', async () => {
		app = await openApp();
		const page = app.page;
		await page.goto(app.base + '/ar/data/codebook/');
		const arabic = page.locator('[data-codebook-ar]');
		const kinds = await arabic
			.locator('table[data-vocab]')
			.evaluateAll((ts) => ts.map((t) => t.getAttribute('data-vocab')));
		expect(kinds).toEqual(
			expect.arrayContaining([
				'event_type',
				'sub_event_type',
				'side',
				'weapon',
				'outcome',
				'target_type',
				'geo_precision'
			])
		);
		const weapons = await arabic
			.locator('table[data-vocab="weapon"] tbody tr')
			.evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent!.trim())));
		expect(weapons).toContainEqual(['drone', 'مسيّرة', expect.stringMatching(/مسيّرة/)]);
		expect(await arabic.locator('[data-column="event_date"]').count()).toBe(1);
		// The English codebook follows, as written; the English page has no Arabic part.
		expect(await page.locator('[data-codebook][lang="en"]').count()).toBe(1);
		await page.goto(app.base + '/data/codebook/');
		expect(await page.locator('[data-codebook-ar]').count()).toBe(0);
		await waitForEngine(page);
	});
});
