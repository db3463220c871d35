import { existsSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, waitForEngine, type App, closeAndCheck } from './browser';

const shippedRows = Papa.parse(readFileSync('data/incidents.csv', 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data.length;

let app: App | undefined;
afterEach(async () => {
	const current = app;
	app = undefined;
	await closeAndCheck(current);
});

describe('app shell', () => {
	it('boots DuckDB and shows the real incident count from the loaded table', async () => {
		app = await openApp();
		const response = await app.page.goto(app.base + '/');
		expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
		await waitForEngine(app.page);
		await expect
			.poll(() => app!.page.locator('[data-incidents]').textContent())
			.toBe(String(shippedRows));
		const nav = app.page.getByRole('navigation', { name: 'Main' });
		await expect
			.poll(() => nav.getByRole('link').allTextContents())
			.toEqual(['Dashboard', 'SQL', 'Data']);
	});

	it('serves deep links to /sql and /data as pages', async () => {
		app = await openApp();
		for (const [path, heading] of [
			['/sql', 'SQL console'],
			['/data', 'Data']
		] as const) {
			const response = await app.page.goto(app.base + path);
			expect(response?.status()).toBe(200);
			await expect
				.poll(() => app!.page.getByRole('heading', { level: 1 }).textContent())
				.toBe(heading);
			const nav = app.page.getByRole('navigation', { name: 'Main' });
			const link = nav.getByRole('link', { name: path === '/data' ? 'Data' : 'SQL', exact: true });
			await expect.poll(() => link.getAttribute('aria-current')).toBe('page');
		}
		await waitForEngine(app.page);
	});

	it('writes each page as <path>/index.html, which a server with no URL rewriting serves', () => {
		for (const page of [
			'index.html',
			'sql/index.html',
			'data/index.html',
			'data/codebook/index.html'
		])
			expect(existsSync(`build/${page}`), page).toBe(true);
		expect(readFileSync('build/sql/index.html', 'utf8')).toContain('<h1>SQL console</h1>');
	});

	it('says in plain words when the browser cannot run WebAssembly', async () => {
		app = await openApp();
		await app.page.addInitScript(() => {
			// @ts-expect-error simulate a browser without WebAssembly
			delete globalThis.WebAssembly;
		});
		await app.page.goto(app.base + '/');
		const alert = app.page.getByRole('alert');
		await expect.poll(() => alert.textContent()).toContain('cannot run WebAssembly');
		await expect.poll(() => alert.getByRole('button', { name: 'Try again' }).count()).toBe(1);
	});

	it('mirrors the layout when the document is right-to-left', async () => {
		app = await openApp({ width: 1000 });
		await app.page.goto(app.base + '/');
		const brandX = () => app!.page.locator('.brand').evaluate((e) => e.getBoundingClientRect().x);
		const ltr = await brandX();
		await app.page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
		const rtl = await brandX();
		expect(ltr).toBeLessThan(100);
		expect(rtl).toBeGreaterThan(500);
		await waitForEngine(app.page);
	});
});
