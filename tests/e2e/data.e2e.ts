import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { windows1256, withBom, PNG } from '../fixtures/make';
import { openApp, waitForEngine, type App } from './browser';

const shippedText = readFileSync('data/incidents.csv', 'utf8');
const shipped = Papa.parse<string[]>(shippedText.trimEnd()).data;
const HEADER = shipped[0]!;
const shippedCount = shipped.length - 1;

/** Three new incidents: real shipped rows under new ids of the same year, with an Arabic note. */
function threeNew(note = 'ملاحظة تجريبية: قصف مستودعات عياش'): string[][] {
	return [1, 2, 3].map((n) => {
		const row = [...shipped[n]!];
		row[0] = row[0]!.replace(/-\d{4}$/, `-9${String(n).padStart(3, '0')}`);
		row[HEADER.indexOf('notes')] = note;
		return row;
	});
}
const csv = (rows: string[][], newline = '\n') => Papa.unparse(rows, { newline }) + newline;

const buffer = (data: string | Uint8Array) =>
	Buffer.from(typeof data === 'string' ? new TextEncoder().encode(data) : data);
const upload = (app: App, files: { name: string; data: string | Uint8Array }[]) =>
	app.page
		.getByLabel('Upload CSV')
		.setInputFiles(
			files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: buffer(f.data) }))
		);
const incidents = (app: App) => app.page.locator('[data-incidents]').textContent();
const job = (app: App, name: string) => app.page.getByRole('article', { name });

let app: App | undefined;
afterEach(async () => {
	const current = app;
	app = undefined;
	if (!current) return;
	await current.close();
	expect(current.foreign, 'requests to other origins').toEqual([]);
	expect(current.errors, 'page errors').toEqual([]);
});

async function openData(options: { profile?: string; width?: number } = {}): Promise<App> {
	const opened = await openApp(options);
	await opened.page.goto(opened.base + '/data');
	await waitForEngine(opened.page);
	return opened;
}

describe('uploading incident updates', () => {
	it('adds three incidents, shows the counts first, and keeps them after a reload', async () => {
		app = await openData();
		await expect.poll(() => incidents(app!)).toBe(String(shippedCount));
		await upload(app, [{ name: 'update.csv', data: csv([HEADER, ...threeNew()]) }]);
		const card = job(app, 'update.csv');
		await expect
			.poll(() => card.locator('[data-added]').textContent(), { timeout: 30_000 })
			.toBe('3');
		expect(await card.locator('[data-updated]').textContent()).toBe('0');
		await card.getByRole('button', { name: 'Apply' }).click();
		await expect.poll(() => card.locator('[data-applied]').count(), { timeout: 30_000 }).toBe(1);
		await expect.poll(() => incidents(app!)).toBe(String(shippedCount + 3));
		await expect.poll(() => app!.page.locator('[data-saved] tbody tr').count()).toBe(1);

		await app.page.reload();
		await waitForEngine(app.page);
		await expect.poll(() => incidents(app!)).toBe(String(shippedCount + 3));

		// A second tab on the same browser profile replays the same saved upload.
		const second = await app.context.newPage();
		await second.goto(app.base + '/');
		await waitForEngine(second);
		await expect
			.poll(() => second.locator('[data-incidents]').textContent())
			.toBe(String(shippedCount + 3));
		await second.close();
	});
});
