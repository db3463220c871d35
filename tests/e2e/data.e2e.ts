import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { ACLED_CLASSIC_COLUMNS } from '../../src/lib/schema/acled';
import { isAttack } from '../../src/lib/schema/attack';
import { windows1256, withBom, PNG } from '../fixtures/make';
import { openApp, waitForEngine, type App, closeAndCheck } from './browser';

const shippedText = readFileSync('data/incidents.csv', 'utf8');
const shipped = Papa.parse<string[]>(shippedText.trimEnd()).data;
const HEADER = shipped[0]!;
const shippedCount = shipped.length - 1;
const isAttackRow = (r: string[]) =>
	isAttack(r[HEADER.indexOf('event_type')]!, r[HEADER.indexOf('sub_event_type')]!);
const shippedAttacks = shipped.slice(1).filter(isAttackRow);

/** Three new attacks: real shipped attack rows under new ids of the same year, with an Arabic note. */
function threeNew(note = 'ملاحظة تجريبية: قصف مستودعات عياش'): string[][] {
	return [1, 2, 3].map((n) => {
		const row = [...shippedAttacks[n - 1]!];
		row[0] = row[0]!.replace(/-\d{4}$/, `-9${String(n).padStart(3, '0')}`);
		row[HEADER.indexOf('event_id_cnty')] = row[0];
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

/** expect.poll with room for a loaded 2-core machine (the engine and workers start per page). */
const poll = <T>(fn: () => T | Promise<T>, options = { timeout: 30_000 }) =>
	expect.poll(fn, options);

let app: App | undefined;
afterEach(async () => {
	const current = app;
	app = undefined;
	await closeAndCheck(current);
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
		await poll(() => incidents(app!)).toBe(String(shippedCount));
		await upload(app, [{ name: 'update.csv', data: csv([HEADER, ...threeNew()]) }]);
		const card = job(app, 'update.csv');
		await poll(() => card.locator('[data-added]').textContent(), { timeout: 30_000 }).toBe('3');
		expect(await card.locator('[data-updated]').textContent()).toBe('0');
		await card.getByRole('button', { name: 'Apply' }).click();
		await poll(() => card.locator('[data-applied]').count(), { timeout: 30_000 }).toBe(1);
		await poll(() => incidents(app!)).toBe(String(shippedCount + 3));
		await poll(() => app!.page.locator('[data-saved] tbody tr').count()).toBe(1);

		await app.page.reload();
		await waitForEngine(app.page);
		await poll(() => incidents(app!)).toBe(String(shippedCount + 3));

		// The dashboard counts them as attacks.
		await app.page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Dashboard' })
			.click();
		await poll(() => app!.page.locator('[data-figure="attacks"]').textContent()).toBe(
			String(shippedAttacks.length + 3)
		);

		// A second tab on the same browser profile replays the same saved upload.
		const second = await app.context.newPage();
		await second.goto(app.base + '/');
		await waitForEngine(second);
		await poll(() => second.locator('[data-incidents]').textContent()).toBe(
			String(shippedCount + 3)
		);
		await second.close();
	});
});

describe('extra columns', () => {
	it('are listed, and a kept one lands in incidents_extra and survives a reload', async () => {
		app = await openData();
		const rows = threeNew().map((r, i) => [...r, `https://example.org/${i}`]);
		await upload(app, [{ name: 'with-url.csv', data: csv([[...HEADER, 'source_url'], ...rows]) }]);
		const card = job(app, 'with-url.csv');
		await poll(() => card.getByText('not loaded: source_url').count()).toBe(1);
		await card.getByLabel('source_url', { exact: true }).selectOption('+keep');
		await poll(() => card.getByLabel('source_url', { exact: true }).inputValue()).toBe('+keep');
		await poll(() => card.locator('[data-added]').textContent()).toBe('3');
		await card.getByRole('button', { name: 'Apply' }).click();
		await poll(() => card.locator('[data-applied]').count()).toBe(1);

		await app.page.reload();
		await waitForEngine(app.page);
		await poll(() => incidents(app!)).toBe(String(shippedCount + 3));
		// The side table exists: a new table from incidents_extra.csv is offered another name.
		await upload(app, [{ name: 'incidents_extra.csv', data: 'a,b\n1,2\n' }]);
		await poll(() => job(app!, 'incidents_extra.csv').getByLabel('Table name').inputValue()).toBe(
			'incidents_extra_2'
		);
	});
});

describe('browser storage', () => {
	it('reports a full storage quota and applies nothing', async () => {
		app = await openApp();
		// Simulate a full disk: every IndexedDB write fails as Chromium fails it when over quota.
		await app.page.addInitScript(() => {
			IDBObjectStore.prototype.add = function () {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			};
		});
		await app.page.goto(app.base + '/data');
		await waitForEngine(app.page);
		await upload(app, [{ name: 'update.csv', data: csv([HEADER, ...threeNew()]) }]);
		const card = job(app, 'update.csv');
		await poll(() => card.locator('[data-added]').textContent()).toBe('3');
		await card.getByRole('button', { name: 'Apply' }).click();
		await poll(() => card.getByRole('alert').textContent()).toContain(
			'Nothing was changed: the browser has no storage space left'
		);
		expect(await incidents(app)).toBe(String(shippedCount));
		expect(await app.page.locator('[data-saved-empty]').count()).toBe(1);
	});
});

describe('encodings and downloads', () => {
	it('reads Windows-1256 and UTF-8-with-BOM files with correct Arabic, and a download re-uploads as a no-op', async () => {
		app = await openData();
		const note = 'قصف مستودعات عياش';
		const rows1256 = threeNew(note).slice(0, 1);
		const rowsBom = threeNew(note).slice(1);
		await upload(app, [
			{ name: 'ansi.csv', data: windows1256(csv([HEADER, ...rows1256], '\r\n')) },
			{ name: 'bom.csv', data: withBom(csv([HEADER, ...rowsBom])) }
		]);
		for (const [name, encoding] of [
			['ansi.csv', 'windows-1256'],
			['bom.csv', 'utf-8']
		] as const) {
			const card = job(app, name);
			await poll(() => card.locator('[data-added]').count(), { timeout: 30_000 }).toBe(1);
			expect(await card.getByLabel('Encoding').inputValue()).toBe(encoding);
			expect(await card.locator('[data-preview]').textContent()).toContain(note);
			// The BOM is not part of the first column's name: incident_id was found, no column dropped.
			expect(await card.getByLabel('incident_id', { exact: true }).inputValue()).toBe(
				'incident_id'
			);
			expect(await card.getByText('not loaded:').count()).toBe(0);
			await card.getByRole('button', { name: 'Apply' }).click();
			await poll(() => card.locator('[data-applied]').count(), { timeout: 30_000 }).toBe(1);
		}
		await poll(() => incidents(app!)).toBe(String(shippedCount + 3));

		const [download] = await Promise.all([
			app.page.waitForEvent('download'),
			app.page.getByRole('button', { name: 'incidents.csv' }).click()
		]);
		const text = readFileSync((await download.path())!, 'utf8');
		expect(text.split('\n')[0]).toBe(HEADER.join(','));
		expect(text.match(new RegExp(note, 'g'))?.length).toBe(3);

		await upload(app, [{ name: 'incidents.csv', data: text }]);
		const again = job(app, 'incidents.csv');
		await poll(() => again.locator('[data-added]').textContent(), { timeout: 30_000 }).toBe('0');
		expect(await again.locator('[data-updated]').textContent()).toBe('0');
		expect(await again.locator('[data-unchanged]').textContent()).toBe(String(shippedCount + 3));
		expect(await again.locator('[data-issues]').count()).toBe(0);

		// ACLED format: exactly ACLED's 31 classic columns, one row per incident, ISO dates.
		const [acled] = await Promise.all([
			app.page.waitForEvent('download'),
			app.page.getByRole('button', { name: 'Download incidents in ACLED format' }).click()
		]);
		const exported = Papa.parse<Record<string, string>>(
			readFileSync((await acled.path())!, 'utf8'),
			{ header: true, skipEmptyLines: true }
		);
		expect(exported.meta.fields).toEqual([...ACLED_CLASSIC_COLUMNS]);
		expect(exported.data).toHaveLength(shippedCount + 3);
		const conoco = exported.data.find((r) => r.event_id_cnty === 'DEZ-2022-0002')!;
		expect(conoco).toMatchObject({ event_date: '2022-08-24', year: '2022', country: 'Syria' });
	});
});

describe('bad input', () => {
	it('names the file, row and column of each problem and changes nothing', async () => {
		app = await openData();
		const [good] = threeNew();
		const badDate = [...good!];
		badDate[HEADER.indexOf('event_date')] = '2018-02-31';
		const ragged = good!.slice(0, 5);
		await upload(app, [
			{ name: 'rows.csv', data: csv([HEADER, badDate, ragged]) },
			{ name: 'empty.csv', data: '' },
			{ name: 'header.csv', data: csv([HEADER]) },
			{ name: 'picture.csv', data: PNG },
			{ name: 'quote.csv', data: csv([HEADER, good!]) + 'DEZ-2018-0999,"2018-02-07,1\n' },
			{ name: 'twice.csv', data: 'a,b,A\n1,2,3\n' },
			{ name: 'other.csv', data: 'city,price\nHajin,2\nMayadin\n' }
		]);
		const rows = job(app, 'rows.csv');
		await poll(() => rows.locator('[data-issues] tbody tr').count(), {
			timeout: 30_000
		}).toBeGreaterThan(1);
		const table = await rows.locator('[data-issues] tbody').innerText();
		expect(table).toMatch(/2\s+event_date\s+2018-02-31\s+is not a real calendar date/);
		expect(table).toContain(`has 5 cells; the header has ${HEADER.length}`);
		expect(await rows.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);

		const other = job(app, 'other.csv');
		await poll(() => other.locator('[data-issues] tbody').innerText()).toMatch(
			/3\s+has 1 cells; the header has 2/
		);
		expect(await other.getByRole('button', { name: 'Create table' }).isDisabled()).toBe(true);

		const alerts: Record<string, string> = {
			'empty.csv': 'empty.csv is empty.',
			'header.csv': 'header.csv has a header but no rows.',
			'picture.csv': 'picture.csv is not a text file',
			'quote.csv': 'quote.csv, row 3: a quoted field starts here and is never closed',
			'twice.csv': 'twice.csv: the header names column "a" more than once (columns 1, 3)'
		};
		for (const [name, message] of Object.entries(alerts))
			await poll(() => job(app!, name).getByRole('alert').textContent()).toContain(message);
		expect(await incidents(app)).toBe(String(shippedCount));
	});
});

describe('other CSVs', () => {
	it('become a new table with editable types, kept across reloads until removed', async () => {
		app = await openData();
		await upload(app, [
			{
				name: 'Fuel prices.csv',
				data: 'city;litre_price;day\nDeir ez-Zor;"1,5";2024-01-02\nالميادين;2;2024-01-03\n'
			}
		]);
		const card = job(app, 'Fuel prices.csv');
		await poll(() => card.getByLabel('Table name').inputValue(), { timeout: 30_000 }).toBe(
			'fuel_prices'
		);
		expect(await card.getByLabel('day').inputValue()).toBe('DATE');
		expect(await card.getByLabel('litre_price').inputValue()).toBe('VARCHAR');
		await card.getByLabel('day').selectOption('VARCHAR');
		await card.getByRole('button', { name: 'Create table' }).click();
		await poll(() => card.locator('[data-applied]').textContent(), { timeout: 30_000 }).toContain(
			'Created table fuel_prices (rows: 2)'
		);

		await app.page.reload();
		await waitForEngine(app.page);
		const saved = app.page.locator('[data-saved] tbody tr');
		await poll(() => saved.count()).toBe(1);
		expect(await saved.innerText()).toContain('new table fuel_prices');
		expect(await saved.innerText()).toContain('2');

		await app.page.getByRole('button', { name: 'Reset to shipped data' }).click();
		await app.page.getByRole('button', { name: 'Yes, reset' }).click();
		await poll(() => app!.page.locator('[data-saved-empty]').count()).toBe(1);
		expect(await incidents(app)).toBe(String(shippedCount));
	});
});

describe('large files', () => {
	it('shows progress and can be cancelled, leaving the tables as they were', async () => {
		app = await openData();
		// About 60 MB of valid incident rows (ids repeat: the parse is cancelled long before that matters).
		const body = shipped
			.slice(1)
			.map((r) => Papa.unparse([r]))
			.join('\n');
		const path = join(mkdtempSync(join(tmpdir(), 'raqib-big-')), 'big.csv');
		const copies = Math.ceil(60e6 / body.length);
		writeFileSync(path, HEADER.join(',') + '\n' + Array(copies).fill(body).join('\n') + '\n');
		await app.page.getByLabel('Upload CSV').setInputFiles(path);
		const card = job(app, 'big.csv');
		const cancel = card.getByRole('button', { name: 'Cancel' });
		await cancel.waitFor({ timeout: 30_000 });
		expect(await card.getByRole('status').textContent()).toMatch(/Reading|Loading/);
		await cancel.click();
		await poll(() => card.getByText('Cancelled. Nothing was changed.').count(), {
			timeout: 10_000
		}).toBe(1);
		expect(await incidents(app)).toBe(String(shippedCount));
		rmSync(path, { force: true });
	});
});
