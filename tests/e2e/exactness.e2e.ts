/**
 * The handed-over exactness cases (tests/fixtures/exactness) uploaded on
 * /data in Chromium, plus inputs of the same kinds: late encodings, past-
 * sample types, comment-like rows, mixed line endings, a no-op re-upload,
 * and "today" in time zones east and west of UTC around midnight.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, waitForEngine, closeAndCheck, type App } from './browser';
import { cells, run } from './sql-console';

const fixture = (name: string) => ({
	name,
	mimeType: 'text/csv',
	buffer: readFileSync(`tests/fixtures/exactness/${name}`)
});
const job = (app: App, name: string) => app.page.getByRole('article', { name });
const poll = <T>(fn: () => T | Promise<T>, options = { timeout: 60_000 }) =>
	expect.poll(fn, options);

let app: App | undefined;
afterEach(async () => {
	const current = app;
	app = undefined;
	await closeAndCheck(current);
});

async function openData(options: { timezoneId?: string; now?: string } = {}): Promise<App> {
	const opened = await openApp({ timezoneId: options.timezoneId });
	// Only Date is fixed (timers run normally), so the engine and workers start as usual.
	if (options.now) await opened.context.clock.setFixedTime(new Date(options.now));
	await opened.page.goto(opened.base + '/data');
	await waitForEngine(opened.page);
	return opened;
}

describe('new tables keep every value', () => {
	it('u03, u11, u12b: late Arabic bytes, types past the sample, #hashtag rows', async () => {
		app = await openData();
		await app.page
			.getByLabel('Upload CSV')
			.setInputFiles([
				fixture('u03_cp1256_late_arabic.csv'),
				fixture('u11_past_sample.csv'),
				fixture('u12b_hashtags_thousands.csv')
			]);

		const u03 = job(app, 'u03_cp1256_late_arabic.csv');
		await poll(() => u03.getByLabel('Encoding').inputValue()).toBe('windows-1256');
		expect(await u03.locator('[data-note="encoding-late"]').textContent()).toContain(
			'Byte 84,559 is not valid UTF-8'
		);

		const u11 = job(app, 'u11_past_sample.csv');
		await poll(() => u11.getByLabel('n', { exact: true }).inputValue()).toBe('DOUBLE');
		expect(await u11.getByLabel('code', { exact: true }).inputValue()).toBe('VARCHAR');
		// A type that would change a value is refused, naming the row.
		await u11.getByLabel('n', { exact: true }).selectOption('BIGINT');
		// (Without the bidi isolates around the column name and values.)
		await poll(async () =>
			(await u11.locator('[data-type-problem="n"]').textContent())?.replace(/[\u2066-\u2069]/g, '')
		).toContain('row 24,001 n “2.5” → 3');
		expect(await u11.getByRole('button', { name: 'Create table' }).isDisabled()).toBe(true);
		await u11.getByLabel('n', { exact: true }).selectOption('DOUBLE');
		await poll(() => u11.locator('[data-type-problem]').count()).toBe(0);

		for (const [card, rows] of [
			[u03, '2,634'],
			[u11, '25,000'],
			[job(app, 'u12b_hashtags_thousands.csv'), '4']
		] as const) {
			await poll(() => card.getByRole('button', { name: 'Create table' }).isEnabled()).toBe(true);
			await card.getByRole('button', { name: 'Create table' }).click();
			await poll(() => card.locator('[data-applied]').textContent()).toContain(`(rows: ${rows})`);
		}
	});
});

describe('dates written in words', () => {
	it("a new table stores ACLED's '21 March 2020' as DATE, and the card says so first", async () => {
		app = await openData();
		const text = 'event_date,note\n21 March 2020,a\n01 November 2024,b\n';
		await app.page
			.getByLabel('Upload CSV')
			.setInputFiles({ name: 'worded_dates.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
		const card = job(app, 'worded_dates.csv');
		await poll(() => card.getByLabel('event_date', { exact: true }).inputValue()).toBe(
			'DATE (21 March 2020)'
		);
		await card.getByRole('button', { name: 'Create table' }).click();
		await poll(() => card.locator('[data-applied]').textContent()).toContain('(rows: 2)');
		await app.page.goto(app.base + '/sql');
		await waitForEngine(app.page);
		await run(
			app.page,
			'SELECT typeof(event_date), event_date::VARCHAR FROM worded_dates ORDER BY 2'
		);
		await poll(() => cells(app!.page, 1)).toEqual(['DATE', '2020-03-21']);
		expect(await cells(app.page, 2)).toEqual(['DATE', '2024-11-01']);
	});
});

describe('mixed line endings and no-op uploads', () => {
	it('u05 applies; u05b, the same rows with ";", then changes nothing and is not saved', async () => {
		app = await openData();
		const upload = (name: string) =>
			app!.page.getByLabel('Upload CSV').setInputFiles([fixture(name)]);
		await upload('u05_mixed_lf_crlf.csv');
		const card = job(app, 'u05_mixed_lf_crlf.csv');
		await poll(() => card.locator('[data-added]').textContent()).toBe('2');
		expect(await card.locator('[data-note="mixed-endings"]').count()).toBe(1);
		expect(await card.locator('[data-issues]').count()).toBe(0);
		if (await card.locator('[data-unknown]').count())
			await card.getByRole('checkbox', { name: /Add them as new entries/ }).check();
		await card.getByRole('button', { name: 'Apply' }).click();
		await poll(() => card.locator('[data-applied]').count()).toBe(1);
		const saved = app.page.locator('[data-saved] tbody tr');
		await poll(() => saved.count()).toBe(1);

		// Had a carriage return stayed in a value, the rows would count as updated here.
		await upload('u05b_mixed_lf_crlf_semicolon.csv');
		const again = job(app, 'u05b_mixed_lf_crlf_semicolon.csv');
		await poll(() => again.locator('[data-noop]').count()).toBe(1);
		expect(await again.locator('[data-added]').textContent()).toBe('0');
		expect(await again.locator('[data-updated]').textContent()).toBe('0');
		expect(await again.locator('[data-unchanged]').textContent()).toBe('2');
		expect(await again.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
		expect(await saved.count()).toBe(1);
	});
});

describe('"today" is the local calendar date', () => {
	it('u14: 00:30 in Damascus on 2025-06-10 (21:30 UTC the day before): published today is accepted', async () => {
		app = await openData({ timezoneId: 'Asia/Damascus', now: '2025-06-09T21:30:00Z' });
		await app.page
			.getByLabel('Upload CSV')
			.setInputFiles([fixture('u14_report_published_today.csv')]);
		const card = job(app, 'u14_report_published_today.csv');
		await poll(() => card.locator('[data-added]').textContent()).toBe('1');
		expect(await card.locator('[data-issues]').count()).toBe(0);
		expect(await card.getByRole('button', { name: 'Apply' }).isEnabled()).toBe(true);
	});

	it('west of UTC: 23:30 in Los Angeles on 2025-06-09 (06:30 UTC on the 10th): the 10th is the future', async () => {
		app = await openData({ timezoneId: 'America/Los_Angeles', now: '2025-06-10T06:30:00Z' });
		const text = readFileSync('tests/fixtures/exactness/u14_report_published_today.csv', 'utf8');
		await app.page.getByLabel('Upload CSV').setInputFiles([
			{ name: 'tomorrow.csv', mimeType: 'text/csv', buffer: Buffer.from(text) },
			{
				name: 'today.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from(
					text
						.replace('qa_today_report', 'qa_la')
						.replaceAll('2025-06-10', '2025-06-09')
						.replace('qa_today_report.txt', 'qa_la.txt')
				)
			}
		]);
		const tomorrow = job(app, 'tomorrow.csv');
		await poll(() => tomorrow.locator('[data-issues] tbody').innerText()).toContain(
			'is in the future (today is 2025-06-09)'
		);
		const today = job(app, 'today.csv');
		await poll(() => today.locator('[data-added]').textContent()).toBe('1');
		expect(await today.locator('[data-issues]').count()).toBe(0);
	});
});
