import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { appPerTest, slowPoll as poll, waitForEngine } from './browser';

const shipped = Papa.parse<string[]>(readFileSync('data/incidents.csv', 'utf8').trimEnd()).data;
const HEADER = shipped[0]!;
const shippedCount = shipped.length - 1;

const session = appPerTest();
const incidents = (page: Page) => page.locator('[data-incidents]').textContent();

/** `n` shipped rows under new ids starting at `from`. */
function newRows(from: number, n: number): string {
	const rows = Array.from({ length: n }, (_, i) => {
		const row = [...shipped[i + 1]!];
		row[0] = row[0]!.replace(/-\d{4}$/, `-${from + i}`);
		row[HEADER.indexOf('event_id_cnty')] = row[0];
		return row;
	});
	return Papa.unparse([HEADER, ...rows], { newline: '\n' }) + '\n';
}

async function stage(page: Page, name: string, data: string, added: string) {
	await page
		.getByLabel('Upload CSV')
		.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(data) });
	const card = page.getByRole('article', { name });
	await poll(() => card.locator('[data-added]').textContent()).toBe(added);
	return card;
}

describe('tabs agree', () => {
	it('an upload applied in one tab is seen by the others; the tab that lost the race changes nothing', async () => {
		const app = await session.open();
		const first = app.page;
		const second = await app.context.newPage();
		const dashboard = await app.context.newPage();
		for (const p of [second, dashboard])
			p.on('pageerror', (e) => app.errors.push(`pageerror: ${e.message}`));
		await first.goto(app.base + '/data');
		await second.goto(app.base + '/data');
		await dashboard.goto(app.base + '/');
		for (const p of [first, second, dashboard]) await waitForEngine(p);

		// Both tabs check a file against the shipped tables.
		const a = await stage(first, 'a.csv', newRows(7100, 2), '2');
		const b = await stage(second, 'b.csv', newRows(7200, 3), '3');

		// Both apply at once: the lock lets one in first; the other finds the uploads changed.
		await Promise.all([
			a.getByRole('button', { name: 'Apply' }).click(),
			b.getByRole('button', { name: 'Apply' }).click()
		]);
		const outcome = async (card: typeof a) =>
			(await card.locator('[data-applied]').count())
				? 'applied'
				: ((await card.getByRole('alert').textContent()) ?? '');
		await poll(
			async () => [await outcome(a), await outcome(b)].filter((o) => o === 'applied').length
		).toBe(1);
		await poll(async () =>
			[await outcome(a), await outcome(b)].some((o) =>
				o.startsWith('Nothing was changed: another tab')
			)
		).toBe(true);
		const won = (await outcome(a)) === 'applied' ? 2 : 3;
		const lost = won === 2 ? b : a;
		expect(await lost.locator('[data-applied]').count()).toBe(0);

		// Every tab, the dashboard opened directly too, now shows the winner's rows and only those.
		for (const p of [first, second, dashboard])
			await poll(() => incidents(p)).toBe(String(shippedCount + won));
		await poll(() => dashboard.locator('[data-uploaded]').textContent()).toBe(
			`(includes ${won} uploaded)`
		);
		expect(await first.locator('[data-saved] tbody tr').count()).toBe(1);
		await poll(() => second.locator('[data-saved] tbody tr').count()).toBe(1);
		await second.screenshot({ path: 'test-results/tabs-lost-1440.png', fullPage: true });

		// The loser uploads its file again, is checked against the tables as they are now, and applies.
		const [losingPage, rows, count] =
			won === 2 ? [second, newRows(7200, 3), 3] : [first, newRows(7100, 2), 2];
		const again = await stage(losingPage, 'again.csv', rows, String(count));
		await again.getByRole('button', { name: 'Apply' }).click();
		await poll(() => again.locator('[data-applied]').count()).toBe(1);
		for (const p of [first, second, dashboard])
			await poll(() => incidents(p)).toBe(String(shippedCount + 5));
	});
});
