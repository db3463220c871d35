import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAndCheck, openApp, waitForEngine, type App } from './browser';

const apps: App[] = [];
afterEach(async () => {
	for (const app of apps.splice(0)) await closeAndCheck(app);
});

const VIEW = '?from=2023-01-01&actor=US-led+coalition&period=month&ref=2023-11-01';

async function openViews(page: Page) {
	const details = page.locator('[data-views]');
	if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
	return details;
}

describe('saved views', () => {
	it('survive a reload and re-open to the same URL; exported JSON imports in a fresh profile', async () => {
		const profile = mkdtempSync(join(tmpdir(), 'raqib-views-'));
		try {
			let app = await openApp({ profile });
			apps.push(app);
			await app.page.goto(`${app.base}${VIEW}`);
			await waitForEngine(app.page);
			let views = await openViews(app.page);
			await views.locator('[data-view-name]').fill('Coalition, monthly');
			await views.locator('[data-view-save]').click();
			await views.locator('[data-view="Coalition, monthly"]').waitFor();

			// A new browser on the same profile: the view is still there and opens the same URL.
			await closeAndCheck(apps.pop());
			app = await openApp({ profile });
			apps.push(app);
			await app.page.goto(app.base);
			await waitForEngine(app.page);
			views = await openViews(app.page);
			await views.locator('[data-view="Coalition, monthly"] [data-view-open]').click();
			await expect.poll(() => new URL(app.page.url()).search).toBe(VIEW);
			await app.page.locator('[data-trend-window="2023-11-01"]').waitFor({ timeout: 60_000 });
			expect(await app.page.locator('[data-trend-kind]').inputValue()).toBe('month');

			views = await openViews(app.page);
			const [download] = await Promise.all([
				app.page.waitForEvent('download'),
				views.locator('[data-view-export]').click()
			]);
			const file = join(profile, 'exported-views.json');
			await download.saveAs(file);

			// A fresh profile (another browser, another colleague): import, then open.
			const fresh = await openApp();
			apps.push(fresh);
			await fresh.page.goto(fresh.base);
			await waitForEngine(fresh.page);
			const other = await openViews(fresh.page);
			expect(await other.locator('[data-view]').count()).toBe(0);
			await other.locator('[data-view-import]').setInputFiles(file);
			await other.locator('[data-view="Coalition, monthly"]').waitFor();
			await other.locator('[data-view="Coalition, monthly"] [data-view-open]').click();
			await expect.poll(() => new URL(fresh.page.url()).search).toBe(VIEW);

			// A broken file is refused with a message, and the list stays as it was.
			await other.locator('[data-view-import]').setInputFiles({
				name: 'broken.json',
				mimeType: 'application/json',
				buffer: Buffer.from('{"format":"raqib-views","version":1,"views":[{"name":""}]}')
			});
			await expect.poll(() => other.locator('[data-views-error]').textContent()).toMatch(/no name/);
			expect(await other.locator('[data-view]').count()).toBe(1);
		} finally {
			for (const app of apps.splice(0)) await closeAndCheck(app);
			rmSync(profile, { recursive: true, force: true });
		}
	});
});
