import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { appPerTest, slowPoll as poll, waitForEngine } from './browser';
import { run } from './sql-console';

const shipped = Papa.parse<string[]>(readFileSync('data/incidents.csv', 'utf8').trimEnd()).data;
const HEADER = shipped[0]!;
const shippedCount = shipped.length - 1;

const session = appPerTest();
const incidents = (page: Page) => page.locator('[data-incidents]').textContent();

describe('tables changed from the SQL console', () => {
	it('the dashboard says so after DROP TABLE and restores the tables, in English and Arabic', async () => {
		for (const [lang, width] of [
			['', 1440],
			['/ar', 390]
		] as const) {
			const app = await session.open({ width });
			const { page } = app;
			await page.goto(`${app.base}${lang}/sql`);
			await waitForEngine(page);
			await page.getByRole('button', { name: 'incidents', exact: true }).waitFor();
			await run(page, 'DROP TABLE incidents');
			// Into the dashboard in the same tab, as a reader would.
			await page
				.getByRole('navigation')
				.getByRole('link', { name: lang ? 'لوحة المتابعة' : 'Dashboard' })
				.click();
			const notice = page.locator('[data-tables-changed]');
			await poll(() => notice.textContent()).toContain(
				lang ? 'incidents' : 'Changed from SQL: incidents'
			);
			await page.screenshot({
				path: `test-results/tables-dropped${lang.replace('/', '-')}-${width}.png`,
				fullPage: true
			});
			await notice.locator('[data-restore-tables]').click();
			await poll(() => notice.count()).toBe(0);
			await poll(() => page.locator('[data-figure="attacks"]').textContent()).toMatch(
				/^[0-9٠-٩]+$/
			);
			expect(
				await page
					.getByRole('alert')
					.filter({ hasText: /Try again|حاول/ })
					.count()
			).toBe(0);
			await page.screenshot({
				path: `test-results/tables-restored${lang.replace('/', '-')}-${width}.png`,
				fullPage: true
			});
			await session.close();
		}
	});
});

describe('uploads in the footer, and forgetting everything', () => {
	it('counts uploaded incidents and their date, and Forget everything deletes what it listed', async () => {
		const app = await session.open();
		const { page } = app;
		await page.goto(app.base + '/data');
		await waitForEngine(page);
		expect(await page.locator('[data-uploaded]').count()).toBe(0);
		const rows = [1, 2].map((n) => {
			const row = [...shipped[n]!];
			row[0] = row[0]!.replace(/-\d{4}$/, `-5${String(n).padStart(3, '0')}`);
			row[HEADER.indexOf('event_id_cnty')] = row[0];
			return row;
		});
		// Also one shipped row with a changed note: 3 incidents from uploads in all.
		const changed = [...shipped[3]!];
		changed[HEADER.indexOf('notes')] += ' (corrected)';
		const data = Papa.unparse([HEADER, ...rows, changed], { newline: '\n' }) + '\n';
		await page
			.getByLabel('Upload CSV')
			.setInputFiles({ name: 'more.csv', mimeType: 'text/csv', buffer: Buffer.from(data) });
		const card = page.getByRole('article', { name: 'more.csv' });
		await poll(() => card.locator('[data-added]').textContent()).toBe('2');
		await card.getByRole('button', { name: 'Apply' }).click();
		await poll(() => card.locator('[data-applied]').count()).toBe(1);
		await poll(() => page.locator('[data-uploaded]').textContent()).toBe('(includes 3 uploaded)');
		expect(await incidents(page)).toBe(String(shippedCount + 2));
		expect(await page.locator('[data-changed]').textContent()).toContain('by an upload');

		// The dashboard opened directly says the same.
		await page.goto(app.base + '/');
		await waitForEngine(page);
		await poll(() => page.locator('[data-uploaded]').textContent()).toBe('(includes 3 uploaded)');
		await page.screenshot({ path: 'test-results/footer-uploaded-1440.png', fullPage: true });

		await page.evaluate(() => {
			localStorage.setItem('raqib.sql.history', JSON.stringify([{ sql: 'SELECT 1', time: 1 }]));
			localStorage.setItem('raqib.digits', 'latn');
		});
		await page.goto(app.base + '/data');
		await waitForEngine(page);
		await poll(() => page.locator('[data-saved] tbody tr').count()).toBe(1);
		await page.getByRole('button', { name: 'Forget everything on this device' }).click();
		const confirm = page.locator('[data-forget-confirm]');
		const items = await confirm.locator('li').allTextContents();
		expect(items).toContain('saved uploads: 1 (tables created from them too)');
		expect(items).toContain('SQL history entries: 1');
		expect(items).toContain('language and digits settings: 1');
		await page.screenshot({ path: 'test-results/forget-confirm-1440.png', fullPage: true });
		await confirm.getByRole('button', { name: 'Yes, forget everything' }).click();
		await poll(() => page.locator('[data-saved-empty]').count()).toBe(1);
		await waitForEngine(page);
		await poll(() => incidents(page)).toBe(String(shippedCount));
		expect(await page.locator('[data-uploaded]').count()).toBe(0);
		expect(
			await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('raqib.')))
		).toEqual([]);
	});
});
