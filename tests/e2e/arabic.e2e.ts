import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, waitForEngine, type App, closeAndCheck } from './browser';

const ARABIC_PAGES = ['/ar/', '/ar/sql/', '/ar/data/', '/ar/data/codebook/'];

let app: App | undefined;
afterEach(async () => {
	const current = app;
	app = undefined;
	await closeAndCheck(current);
});

describe('Arabic pages', () => {
	it('are prerendered right to left: lang and dir are in the HTML before any script', () => {
		for (const path of ARABIC_PAGES) {
			const html = readFileSync(`build${path}index.html`, 'utf8');
			expect(html.slice(0, 80), path).toContain('<html lang="ar" dir="rtl">');
		}
		expect(readFileSync('build/index.html', 'utf8').slice(0, 80)).toContain(
			'<html lang="en" dir="ltr">'
		);
	});

	it('are served as such, and the switch names each language in its own language', async () => {
		app = await openApp();
		for (const path of ARABIC_PAGES) {
			const response = await app.page.goto(app.base + path);
			expect(response?.status(), path).toBe(200);
			expect(await response!.text()).toContain('<html lang="ar" dir="rtl">');
		}
		const english = app.page.getByRole('link', { name: 'English' });
		await expect.poll(() => english.getAttribute('lang')).toBe('en');
		await expect.poll(() => english.getAttribute('href')).toBe('/data/codebook/');
		await waitForEngine(app.page);
	});

	it('keeps the filters when switching language, and remembers the choice', async () => {
		app = await openApp();
		await app.page.goto(app.base + '/?weapon=drone');
		await waitForEngine(app.page);
		const toArabic = app.page.getByRole('link', { name: 'العربية' });
		await toArabic.focus();
		await app.page.keyboard.press('Enter');
		await app.page.waitForURL('**/ar/?weapon=drone');
		expect(await app.page.locator('html').getAttribute('dir')).toBe('rtl');
		await waitForEngine(app.page);
		// The remembered choice sends the English start page to Arabic.
		await app.page.goto(app.base + '/?outcome=hit');
		await app.page.waitForURL('**/ar/?outcome=hit');
		await waitForEngine(app.page);
		await app.page.getByRole('link', { name: 'English' }).click();
		await app.page.waitForURL((u) => u.pathname === '/' && u.search === '?outcome=hit');
		expect(await app.page.locator('html').getAttribute('lang')).toBe('en');
		await waitForEngine(app.page);
	});
});
