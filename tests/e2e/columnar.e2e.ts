/**
 * Parquet and Arrow uploads in Chromium: an incidents .parquet (two shipped
 * rows under new ids, written by native DuckDB) merges into the dashboard,
 * a SYNTHETIC seeded .arrow file becomes a typed table in SQL, both survive a
 * reload, and a damaged .parquet gives a message and changes nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
	DateDay,
	Decimal,
	Int64,
	Table,
	Utf8,
	makeData,
	makeVector,
	tableToIPC,
	vectorFromArray
} from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAndCheck, openApp, slowPoll as poll, waitForEngine, type App } from './browser';
import { cells, run } from './sql-console';

const shippedCount = readFileSync('data/incidents.csv', 'utf8')
	.trimEnd()
	.split('\n')
	.filter((l) => /^DEZ-/.test(l)).length;

let app: App | undefined;
let profile: string | undefined;
afterEach(async () => {
	const current = app;
	app = undefined;
	await closeAndCheck(current);
	if (profile) rmSync(profile, { recursive: true, force: true });
	profile = undefined;
});

/** Two shipped incidents under new ids, as Parquet (zstd) written by native DuckDB. */
async function incidentsParquet(): Promise<Buffer> {
	const dir = mkdtempSync(join(tmpdir(), 'raqib-columnar-'));
	const duck = await (await DuckDBInstance.create(':memory:')).connect();
	// DuckDB's own types for the columns (DATE, BIGINT, …): the upload maps them to the codebook's.
	await duck.run(`CREATE TABLE incidents AS SELECT * FROM read_csv('data/incidents.csv')`);
	const path = join(dir, 'two.parquet');
	await duck.run(
		`COPY (SELECT * REPLACE (replace(incident_id, '-0', '-7') AS incident_id, replace(incident_id, '-0', '-7') AS event_id_cnty) FROM incidents ORDER BY incident_id LIMIT 2) TO '${path}' (FORMAT parquet, COMPRESSION zstd)`
	);
	const bytes = readFileSync(path);
	rmSync(dir, { recursive: true, force: true });
	return bytes;
}

/** SYNTHETIC: three seeded rows of a price table, as an Arrow IPC file. */
function pricesArrow(): Buffer {
	const days = new Int32Array([19723, 19724, 19725]);
	// DECIMAL(10,2) unscaled: 12.50, -0.05, 99999999.99 (little-endian 32-bit words, 4 per value).
	const words = new Uint32Array(12);
	[1250n, -5n, 9_999_999_999n].forEach((v, i) => {
		let u = BigInt.asUintN(128, v);
		for (let w = 0; w < 4; w++, u >>= 32n) words[i * 4 + w] = Number(u & 0xffffffffn);
	});
	const table = new Table({
		day: makeVector(makeData({ type: new DateDay(), length: 3, data: days })),
		price: makeVector(makeData({ type: new Decimal(2, 10, 128), length: 3, data: words })),
		n: makeVector(
			makeData({
				type: new Int64(),
				length: 3,
				data: new BigInt64Array([9007199254740993n, 2n, -3n])
			})
		),
		label: vectorFromArray(['synthetic', 'دير الزور', 'a "quoted", word'], new Utf8())
	});
	return Buffer.from(tableToIPC(table, 'file'));
}

/** Replace every saved upload's CSV with text that is not the upload (only the typed copy stays right). */
function spoilText(page: App['page']): Promise<void> {
	return page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const req = indexedDB.open('raqib');
				req.onerror = () => reject(req.error);
				req.onsuccess = () => {
					const db = req.result;
					const tx = db.transaction('uploads', 'readwrite');
					const store = tx.objectStore('uploads');
					const all = store.getAll();
					all.onsuccess = () => {
						for (const r of all.result) store.put({ ...r, data: new Blob(['spoilt\n']) });
					};
					tx.oncomplete = () => (db.close(), resolve());
					tx.onerror = () => reject(tx.error);
				};
			})
	);
}

const job = (a: App, name: string) => a.page.getByRole('article', { name });
const incidents = (a: App) => a.page.locator('[data-incidents]').textContent();

describe('Parquet and Arrow files', () => {
	it('upload through the same review, show on the dashboard and in SQL, and survive a reload', async () => {
		profile = mkdtempSync(join(tmpdir(), 'raqib-profile-'));
		app = await openApp({ profile });
		const { page } = app;
		await page.goto(app.base + '/data');
		await waitForEngine(page);
		await page.getByLabel('Upload CSV').setInputFiles([
			{
				name: 'two.parquet',
				mimeType: 'application/octet-stream',
				buffer: await incidentsParquet()
			},
			{
				name: 'synthetic prices.arrow',
				mimeType: 'application/octet-stream',
				buffer: pricesArrow()
			}
		]);
		const parquet = job(app, 'two.parquet');
		await poll(() => parquet.locator('[data-added]').textContent()).toBe('2');
		const note = await parquet.locator('[data-note="columnar"]').textContent();
		// Without the bidi isolation marks around the values.
		expect(note?.replace(/[\u2066-\u2069]/g, '')).toContain('Read as Parquet (ZSTD)');
		await parquet.getByRole('button', { name: 'Apply' }).click();
		await poll(() => parquet.locator('[data-applied]').count()).toBe(1);
		await poll(() => incidents(app!)).toBe(String(shippedCount + 2));

		const arrow = job(app, 'synthetic prices.arrow');
		await poll(() => arrow.getByLabel('Table name').inputValue()).toBe('synthetic_prices');
		expect(await arrow.getByLabel('day', { exact: true }).inputValue()).toBe('DATE');
		expect(await arrow.getByLabel('price', { exact: true }).inputValue()).toBe('DECIMAL(10,2)');
		expect(await arrow.getByLabel('n', { exact: true }).inputValue()).toBe('BIGINT');
		await page.screenshot({ path: 'test-results/columnar-review-1440.png', fullPage: true });
		await arrow.getByRole('button', { name: 'Create table' }).click();
		await poll(() => arrow.locator('[data-applied]').textContent()).toContain(
			'Created table synthetic_prices (rows: 3)'
		);

		const check = async () => {
			await page.goto(app!.base + '/sql');
			await waitForEngine(page);
			await page.getByRole('button', { name: 'incidents', exact: true }).waitFor();
			await run(
				page,
				"SELECT day::VARCHAR || ' ' || typeof(day) AS d, price::VARCHAR || ' ' || typeof(price) AS p, n::VARCHAR AS n, label FROM synthetic_prices ORDER BY day"
			);
			expect(await cells(page, 1)).toEqual([
				'2024-01-01 DATE',
				'12.50 DECIMAL(10,2)',
				'9007199254740993',
				'synthetic'
			]);
			expect(await cells(page, 3)).toEqual([
				'2024-01-03 DATE',
				'99999999.99 DECIMAL(10,2)',
				'-3',
				'a "quoted", word'
			]);
			await run(
				page,
				"SELECT count(*)::VARCHAR AS c FROM incidents WHERE incident_id LIKE 'DEZ-%-7%'"
			);
			expect(await cells(page, 1)).toEqual(['2']);
		};
		await check();
		// Both saved uploads get their typed (Arrow) copy, and the page says how much storage is used.
		await page.goto(app.base + '/data');
		await waitForEngine(page);
		await poll(() => page.locator('[data-stored="typed"]').count()).toBe(2);
		expect(await page.locator('[data-storage-estimate]').textContent()).toMatch(/uses .+ allows/);
		await page.screenshot({ path: 'test-results/columnar-saved-1440.png', fullPage: true });
		// The start-up replays the typed copy, not the text: with the text spoiled, the rows still come back.
		await spoilText(page);
		await page.reload();
		await waitForEngine(page);
		expect(await page.locator('[role=alert]').allTextContents()).toEqual([]);
		await check();
		expect(await incidents(app)).toBe(String(shippedCount + 2));
	});

	it('a damaged Parquet file gives a message and changes nothing', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(app.base + '/data');
		await waitForEngine(page);
		const whole = await incidentsParquet();
		await page.getByLabel('Upload CSV').setInputFiles([
			{
				name: 'cut.parquet',
				mimeType: 'application/octet-stream',
				buffer: whole.subarray(0, whole.length - 100)
			},
			{
				name: 'not really.parquet',
				mimeType: 'application/octet-stream',
				buffer: Buffer.from('a,b\n1,2\n')
			}
		]);
		const cut = job(app, 'cut.parquet');
		await poll(() => cut.locator('[data-failure="columnar"]').textContent()).toContain(
			'cut.parquet could not be read as Parquet or Arrow'
		);
		await poll(() =>
			job(app!, 'not really.parquet').locator('[data-failure="columnar"]').count()
		).toBe(1);
		expect(await incidents(app)).toBe(String(shippedCount));
	});
});
