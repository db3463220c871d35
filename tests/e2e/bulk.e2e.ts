/**
 * The bulk path in Chromium: a generated incidents file above the bulk size
 * (SYNTHETIC rows, bench/lib/synth.ts, seeded) goes straight into DuckDB.
 * With scattered errors the card shows totals that match an independent
 * check (the shared validator in Node), the first problems, and the complete
 * list as a download whose size is on its button; nothing changes. Without
 * errors it applies and every row is queryable.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { readCompanions } from '../../bench/lib/companions';
import { rng } from '../../bench/lib/random';
import { Synth } from '../../bench/lib/synth';
import { buildKnown, validateTable } from '../../src/lib/ingest/validate';
import { todayIso } from '../../src/lib/ingest/validate-cells';
import { TABLE_COLUMNS } from '../../src/lib/schema/tables';
import { closeAndCheck, openApp, waitForEngine, type App } from './browser';

/** BULK_MIN_BYTES of src/lib/ingest/bulk.ts (that module needs the app's `$lib` alias); the card's note proves the path. */
const BULK_MIN_BYTES = 4 * 1024 * 1024;
const HEADER = TABLE_COLUMNS.incidents.map((c) => c.name);
const poll = <T>(fn: () => T | Promise<T>, timeout = 60_000) => expect.poll(fn, { timeout });

/** Just above the bulk size: SYNTHETIC rows, and with `bad` a seeded share of them broken. */
function synthetic(seed: number, bad: number): { text: string; rows: string[][] } {
	const synth = new Synth(seed, readCompanions());
	const random = rng(seed + 1);
	const rows: string[][] = [];
	let bytes = 0;
	while (bytes < BULK_MIN_BYTES * 1.2) {
		const line = synth.next();
		bytes += line.length + 1;
		rows.push(Papa.parse<string[]>(line).data[0]!);
	}
	for (const row of rows) {
		if (random() >= bad) continue;
		const which = Math.floor(random() * 3);
		if (which === 0) row[HEADER.indexOf('event_date')] = '2021-02-30';
		if (which === 1) row[HEADER.indexOf('fatalities')] = 'many';
		if (which === 2) row[HEADER.indexOf('notes')] = 'a note\nover two lines';
	}
	const text = [HEADER.join(','), ...rows.map((r) => Papa.unparse([r]))].join('\n') + '\n';
	return { text, rows };
}

/** What the shared validator finds, with the values the app knows from its shipped tables. */
function expected(rows: string[][]): number {
	const read = (t: string) => {
		const [header, ...rest] = Papa.parse<string[]>(
			readFileSync(`data/${t}.csv`, 'utf8').trimEnd()
		).data;
		return { header: header!, rows: rest };
	};
	const all = buildKnown({ reports: read('reports'), targets: read('targets') });
	const known = { reports: all.reports, targetTypes: all.targetTypes, reportMeta: all.reportMeta };
	return validateTable('incidents', HEADER, rows, { file: 'f.csv', today: todayIso(), known })
		.length;
}

let app: App | undefined;
afterEach(async () => {
	const current = app;
	app = undefined;
	await closeAndCheck(current);
});

async function openData(): Promise<App> {
	const opened = await openApp();
	await opened.page.goto(opened.base + '/data');
	await waitForEngine(opened.page);
	return opened;
}

const upload = (a: App, name: string, text: string) =>
	a.page
		.getByLabel('Upload CSV')
		.setInputFiles([{ name, mimeType: 'text/csv', buffer: Buffer.from(text) }]);
/** A count on the page as a plain number string (the page groups digits: 13,877). */
const digits = (text: string | null) => (text ?? '').replace(/\D/g, '');
const incidents = (a: App) => a.page.locator('[data-incidents]').textContent().then(digits);

describe('a large file on the bulk path', () => {
	it('reports totals, the first problems and the complete list, and changes nothing', async () => {
		const { text, rows } = synthetic(11, 0.05);
		const problems = expected(rows);
		expect(problems).toBeGreaterThan(100);
		app = await openData();
		const before = await incidents(app);
		await upload(app, 'bulk-bad.csv', text);
		const card = app.page.getByRole('article', { name: 'bulk-bad.csv' });
		const all = card.locator('[data-download-all]');
		await all.waitFor({ timeout: 120_000 });
		expect(await card.textContent()).toContain('Read straight into the query engine');
		const counts = await card
			.locator('[data-totals] tbody td.count')
			.allTextContents()
			.then((c) => c.map((n) => Number(n.replace(/\D/g, ''))));
		expect(counts.reduce((a, b) => a + b, 0)).toBe(problems);
		expect(await card.locator('[data-issues] > .scroll:not([data-totals]) tbody tr').count()).toBe(
			100
		);
		expect(await all.textContent()).toMatch(
			/Download all [\d,]+ problems as CSV \([\d.,]+ [kKM]B\)/
		);
		const [download] = await Promise.all([app.page.waitForEvent('download'), all.click()]);
		const csv = readFileSync((await download.path())!, 'utf8');
		const listed = Papa.parse<Record<string, string>>(csv.trimEnd(), { header: true }).data;
		expect(listed).toHaveLength(problems);
		expect(listed.filter((p) => p.value === '2021-02-30').length).toBeGreaterThan(0);
		expect(await card.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
		expect(await incidents(app)).toBe(before);
	}, 300_000);

	it('applies a clean file and every row is queryable', async () => {
		const { text, rows } = synthetic(12, 0);
		app = await openData();
		const before = Number(await incidents(app));
		await upload(app, 'bulk-clean.csv', text);
		const card = app.page.getByRole('article', { name: 'bulk-clean.csv' });
		await poll(() => card.locator('[data-added]').textContent().then(digits), 120_000).toBe(
			String(rows.length)
		);
		expect(await card.textContent()).toContain('Read straight into the query engine');
		await card.getByRole('button', { name: 'Apply' }).click();
		await poll(() => card.locator('[data-applied]').count(), 120_000).toBe(1);
		await poll(() => incidents(app!)).toBe(String(before + rows.length));
	}, 300_000);
});
