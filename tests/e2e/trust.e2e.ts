import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Papa from 'papaparse';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openApp, waitForEngine, type App, closeAndCheck } from './browser';

const shipped = Papa.parse<string[]>(readFileSync('data/incidents.csv', 'utf8').trimEnd()).data;
const HEADER = shipped[0]!;
const shippedCount = shipped.length - 1;
const NOTES = HEADER.indexOf('notes');

/** expect.poll with room for a loaded 2-core machine. */
const poll = <T>(fn: () => T | Promise<T>, options = { timeout: 60_000 }) =>
	expect.poll(fn, options);

let app: App | undefined;
afterEach(async () => {
	const current = app;
	app = undefined;
	await closeAndCheck(current);
});

describe('framing', () => {
	it('another origin cannot frame the app: the header policy says so and Chromium obeys', async () => {
		// A page on another local origin (another port) that frames /data.
		const framer = createServer((_req, res) => {
			res.setHeader('Content-Type', 'text/html');
			res.end(
				`<!doctype html><title>framer</title><iframe src="${inject('baseURL')}/data/"></iframe>`
			);
		});
		await new Promise<void>((done) => framer.listen(0, '127.0.0.1', done));
		const origin = `http://127.0.0.1:${(framer.address() as AddressInfo).port}`;
		try {
			app = await openApp({ allowOrigins: [origin] });
			const response = await app.page.goto(app.base + '/data/');
			expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
			expect(response?.headers()['x-frame-options']).toBe('DENY');

			await app.page.goto(origin + '/');
			const frame = app.page.frames().find((f) => f !== app!.page.mainFrame());
			expect(frame).toBeDefined();
			// Chromium reports the refusal on the console; that, and only that, is expected here.
			await poll(() => app!.errors.some((e) => e.includes("frame-ancestors 'none'"))).toBe(true);
			app.errors.splice(0, app.errors.length, ...app.errors.filter((e) => !/frame/.test(e)));
			// The framed app never ran: its page is Chromium's error page, with no heading of ours.
			expect(frame!.url()).not.toContain('/data/');
			expect(await app.page.frameLocator('iframe').getByText('Upload CSV').count()).toBe(0);
		} finally {
			framer.closeAllConnections();
			await new Promise((done) => framer.close(done));
		}
	});
});

describe('unknown addresses', () => {
	it('get a not-found page with the navigation and links to every page', async () => {
		app = await openApp({ width: 390 });
		for (const path of ['/nope', '/sql/nope/deeper/', '/data/codebook/x']) {
			await app.page.goto(app.base + path);
			await poll(() => app!.page.getByRole('heading', { level: 1 }).textContent()).toBe(
				'Page not found'
			);
			const main = app.page.locator('main');
			expect(await main.getByRole('link').allTextContents()).toEqual([
				'Dashboard',
				'SQL',
				'Data',
				'The codebook'
			]);
			expect(
				await app.page.getByRole('navigation', { name: 'Main' }).getByRole('link').count()
			).toBe(3);
		}
		await app.page.locator('main').getByRole('link', { name: 'SQL' }).click();
		await poll(() => app!.page.getByRole('heading', { level: 1 }).textContent()).toBe(
			'SQL console'
		);
		await waitForEngine(app.page);
	});
});

describe('spreadsheet-safe downloads', () => {
	it('mark formula-like notes, and uploading the download back changes nothing', async () => {
		app = await openApp();
		await app.page.goto(app.base + '/data');
		await waitForEngine(app.page);
		const notes = ['=HYPERLINK("http://example.invalid","x")', '＝1+1', '|calc'];
		const rows = notes.map((note, n) => {
			const row = [...shipped[n + 1]!];
			row[0] = row[0]!.replace(/-\d{4}$/, `-8${String(n).padStart(3, '0')}`);
			// A Raqib row's ACLED event id is its incident id.
			row[HEADER.indexOf('event_id_cnty')] = row[0]!;
			row[NOTES] = note;
			return row;
		});
		await upload(app, 'formulas.csv', Papa.unparse([HEADER, ...rows], { newline: '\n' }) + '\n');
		const card = app.page.getByRole('article', { name: 'formulas.csv' });
		await poll(() => card.locator('[data-added]').textContent()).toBe('3');
		await card.getByRole('button', { name: 'Apply' }).click();
		await poll(() => card.locator('[data-applied]').count()).toBe(1);

		const [download] = await Promise.all([
			app.page.waitForEvent('download'),
			app.page.getByRole('button', { name: 'incidents.csv' }).click()
		]);
		const text = readFileSync((await download.path())!, 'utf8');
		const cells = Papa.parse<string[]>(text.trimEnd()).data.map((r) => r[NOTES]);
		expect(cells).toContain(`'${notes[0]}`);
		expect(cells).toContain(`'${notes[1]}`);
		expect(cells).toContain(`'${notes[2]}`);

		await upload(app, 'incidents.csv', text);
		const again = app.page.getByRole('article', { name: 'incidents.csv' });
		await poll(() => again.locator('[data-added]').textContent()).toBe('0');
		expect(await again.locator('[data-updated]').textContent()).toBe('0');
		expect(await again.locator('[data-unchanged]').textContent()).toBe(String(shippedCount + 3));
		expect(await again.locator('[data-issues]').textContent()).toContain('and in 2 more cells');
	});
});

function upload(app: App, name: string, data: string): Promise<void> {
	return app.page
		.getByLabel('Upload CSV')
		.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(data) });
}
