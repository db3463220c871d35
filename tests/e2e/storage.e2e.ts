import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, waitForEngine, type App, closeAndCheck } from './browser';

const shipped = Papa.parse<string[]>(readFileSync('data/incidents.csv', 'utf8').trimEnd()).data;
const HEADER = shipped[0]!;
const shippedCount = shipped.length - 1;

const poll = <T>(fn: () => T | Promise<T>, options = { timeout: 60_000 }) =>
	expect.poll(fn, options);

let app: App | undefined;
let profile: string | undefined;
afterEach(async () => {
	const current = app;
	app = undefined;
	await closeAndCheck(current);
	if (profile) rmSync(profile, { recursive: true, force: true });
	profile = undefined;
});

/** Two shipped rows under new ids: a real upload that adds 2 incidents. */
function twoNew(): string {
	const rows = [1, 2].map((n) => {
		const row = [...shipped[n]!];
		row[0] = row[0]!.replace(/-\d{4}$/, `-6${String(n).padStart(3, '0')}`);
		row[HEADER.indexOf('event_id_cnty')] = row[0];
		return row;
	});
	return Papa.unparse([HEADER, ...rows], { newline: '\n' }) + '\n';
}

/** Write `records` straight into the app's IndexedDB store, at `version` (creating the store when asked). */
function writeStore(page: Page, version: number, records: object[], store = true): Promise<void> {
	return page.evaluate(
		([version, records, store]) =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.open('raqib', version);
				req.onupgradeneeded = () => {
					if (store && !req.result.objectStoreNames.contains('uploads'))
						req.result.createObjectStore('uploads', { keyPath: 'id', autoIncrement: true });
				};
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const db = req.result;
					if (!records.length) return (db.close(), resolve());
					const tx = db.transaction('uploads', 'readwrite');
					for (const r of records) tx.objectStore('uploads').put(r);
					tx.oncomplete = () => (db.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
			}),
		[version, records, store] as const
	);
}

const incidents = (page: Page) => page.locator('[data-incidents]').textContent();

describe('damaged browser storage', () => {
	it('skips a damaged saved upload by name, applies the rest, and can delete it', async () => {
		profile = mkdtempSync(join(tmpdir(), 'raqib-profile-'));
		app = await openApp({ profile });
		const { page } = app;
		await page.goto(app.base + '/data');
		await waitForEngine(page);
		await page
			.getByLabel('Upload CSV')
			.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(twoNew()) });
		const card = page.getByRole('article', { name: 'good.csv' });
		await poll(() => card.locator('[data-added]').textContent()).toBe('2');
		await card.getByRole('button', { name: 'Apply' }).click();
		await poll(() => card.locator('[data-applied]').count()).toBe(1);

		// One record lost its data, one is only an id.
		await writeStore(page, 1, [
			{
				id: 50,
				file: 'broken.csv',
				time: new Date().toISOString(),
				table: 'incidents',
				mode: 'upsert',
				rows: 1
			},
			{ id: 51 }
		]);
		await page.reload();
		await waitForEngine(page);
		await poll(() => incidents(page)).toBe(String(shippedCount + 2));
		const broken = page.locator('[data-skipped="50"]');
		await poll(() => broken.textContent()).toContain(
			'Saved upload #50 (broken.csv) is damaged and was skipped: its field “data” is missing or wrong.'
		);
		expect(await page.locator('[data-skipped="51"]').textContent()).toContain('its field “file”');
		expect(await page.locator('[data-saved] tbody tr').count()).toBe(1);
		expect(await page.getByRole('button', { name: 'Reset to shipped data' }).isEnabled()).toBe(
			true
		);
		await page.screenshot({ path: 'test-results/storage-damaged-1440.png', fullPage: true });

		await broken.getByRole('button', { name: 'Delete this record' }).click();
		await poll(() => page.locator('[data-skipped]').count()).toBe(1);
		await page.locator('[data-skipped="51"]').getByRole('button').click();
		await poll(() => page.locator('[data-skipped]').count()).toBe(0);
		expect(await incidents(page)).toBe(String(shippedCount + 2));

		// The SQL page and the dashboard start as usual.
		await page.goto(app.base + '/sql');
		await waitForEngine(page);
		await page.getByRole('button', { name: 'incidents', exact: true }).waitFor();
		await page.goto(app.base + '/');
		await waitForEngine(page);
		await poll(() => incidents(page)).toBe(String(shippedCount + 2));
	});

	it('reads storage another version wrote, says so, and still resets', async () => {
		profile = mkdtempSync(join(tmpdir(), 'raqib-profile-'));
		app = await openApp({ profile, width: 390 });
		const { page } = app;
		await page.goto(app.base + '/ar/data');
		await writeStore(page, 3, [{ id: 7, file: 'future.csv', format: 'v3' }]);
		await page.reload();
		await waitForEngine(page);
		await poll(() => page.locator('[data-storage-version]').count()).toBe(1);
		expect(await page.locator('[data-skipped="7"]').textContent()).toContain('future.csv');
		await page.screenshot({ path: 'test-results/storage-version-ar-390.png', fullPage: true });
		await page.getByRole('button', { name: 'العودة إلى البيانات المشحونة' }).click();
		await page.getByRole('button', { name: 'نعم، أعد الضبط' }).click();
		await poll(() => page.locator('[data-skipped]').count()).toBe(0);
		expect(await incidents(page)).toBe(
			String(shippedCount).replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[+d]!)
		);

		// A newer version without the uploads store at all: nothing to replay, the pages still run.
		await page.evaluate(
			() =>
				new Promise<void>((resolve) => {
					const req = indexedDB.deleteDatabase('raqib');
					req.onsuccess = () => resolve();
				})
		);
		await writeStore(page, 4, [], false);
		await page.goto(app.base + '/sql');
		await waitForEngine(page);
		await page.getByRole('button', { name: 'incidents', exact: true }).waitFor();
		await page.goto(app.base + '/data');
		await waitForEngine(page);
		await poll(() => page.locator('[data-storage-version]').textContent()).toContain(
			'storage version 4'
		);
		expect(await page.locator('[data-storage-error]').count()).toBe(0);
	});
});
