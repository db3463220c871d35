/**
 * ACLED exports in each layout, uploaded through /data as an analyst would:
 * every event lands once, the dashboard's counts equal a native DuckDB
 * recount of the file, event_date is a DATE, the map shows the file's
 * coordinates, and the ACLED download gives the file's events back column by
 * column. Files are generated in ACLED's layouts (bench/lib/acled-layouts.ts);
 * ACLED's own data is never used.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Papa from 'papaparse';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
	layoutColumns,
	synthEvents,
	writeLayout,
	type Layout
} from '../../bench/lib/acled-layouts';
import { closeAndCheck, openApp, waitForEngine, type App } from './browser';
import { table, tableColumns } from './dashboard-page';
import { cells, run } from './sql-console';

const dir = mkdtempSync(join(tmpdir(), 'raqib-acled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let app: App | undefined;
afterEach(async () => {
	const current = app;
	app = undefined;
	await closeAndCheck(current);
});
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 60_000 });

/** How each layout writes event_date, for DuckDB's strptime. */
const FORMAT: Record<Layout, string> = {
	classic: '%d %B %Y',
	excel: '%d-%b-%y',
	numeric: '%d/%m/%Y',
	'2024': '%d %B %Y',
	monadic: '%d %B %Y',
	truncated: '%d %B %Y'
};

/**
 * Counts by actor, admin1 and week, recounted by native DuckDB from the file
 * itself (a monadic file: its first row per event; a truncated one: without
 * its cut last line, which the upload skips).
 */
async function recount(text: string, layout: Layout) {
	const path = join(dir, `${layout}.csv`);
	const lines = text.split(/\r?\n/);
	writeFileSync(path, (layout === 'truncated' ? lines.slice(0, -1) : lines).join('\n'));
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	await conn.run('SET threads = 1');
	await conn.run(`CREATE TABLE f AS SELECT * FROM (
		SELECT *, row_number() OVER () AS n FROM read_csv('${path}', header = true, all_varchar = true)
	) QUALIFY row_number() OVER (PARTITION BY event_id_cnty ORDER BY n) = 1`);
	const counts = async (key: string) => {
		const out: Record<string, number> = {};
		const reader = await conn.runAndReadAll(
			`SELECT ${key} AS k, count(*)::INTEGER AS c FROM f GROUP BY ALL`
		);
		for (const r of reader.getRowObjectsJson()) out[String(r.k)] = Number(r.c);
		return out;
	};
	const week = `strftime(date_trunc('week', strptime(event_date, '${FORMAT[layout]}')), '%Y-%m-%d')`;
	const result = {
		events: Object.values(await counts("'all'"))[0]!,
		actor: await counts('actor1'),
		admin1: await counts('admin1'),
		week: await counts(week),
		coordinates: Object.keys(await counts("latitude || ' ' || longitude")).sort()
	};
	conn.closeSync();
	return result;
}

async function upload(layout: Layout, text: string): Promise<void> {
	const name = `acled-${layout}.csv`;
	await app!.page
		.getByLabel('Upload CSV')
		.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
	const card = app!.page.getByRole('article', { name });
	if (layout === 'truncated') {
		// The cut row is named by number and blocks until the user chooses to skip it.
		const last = text.split('\r\n').length;
		await poll(() => card.locator('[data-issues] tbody tr').first().textContent()).toContain(
			String(last)
		);
		await card.getByLabel('Load the valid rows and skip the invalid ones').check();
		await poll(() => card.locator('[data-skipped]').textContent()).toMatch(
			/Download the 1 skipped rows/
		);
	}
	await poll(() => card.locator('[data-added]').count()).toBe(1);
	await card.getByLabel(/Add them as new entries/).check();
	await card.getByRole('button', { name: 'Apply' }).click();
	await poll(() => card.locator('[data-applied]').count()).toBe(1);
}

describe('ACLED exports through /data', () => {
	for (const [i, layout] of (
		['classic', 'excel', '2024', 'monadic', 'truncated'] as const
	).entries())
		it(`${layout}: every event once on the dashboard, as a native recount, and back out as ACLED`, async () => {
			const events = synthEvents(70, 100 + i);
			const text = writeLayout(events, layout);
			const expected = await recount(text, layout);
			app = await openApp();
			await app.page.goto(app.base + '/data');
			await waitForEngine(app.page);
			await upload(layout, text);

			// The dashboard, this dataset only, every event counted.
			await app.page.goto(`${app.base}/?dataset=acled-${layout}&events=all`);
			await waitForEngine(app.page);
			await app.page.locator('[data-timing]').waitFor();
			await poll(async () => await table(app!.page, 'actors', ['Actor'], 'Events')).toEqual(
				expected.actor
			);
			expect(await table(app.page, 'admin1', ['Governorate'], 'Events')).toEqual(expected.admin1);
			await poll(async () => {
				const weeks = await table(app!.page, 'weeks', ['Week of', 'Side'], 'Events');
				const out: Record<string, number> = {};
				for (const [k, n] of Object.entries(weeks))
					out[k.split(' ')[0]!] = (out[k.split(' ')[0]!] ?? 0) + n;
				return out;
			}).toEqual(expected.week);
			const map = await tableColumns(app.page, 'map', ['Latitude', 'Longitude']);
			const trim = (c: string) => c.replace(/\.?0+(?= |$)/g, '');
			expect(map.map((r) => trim(r.join(' '))).sort()).toEqual(
				expected.coordinates.map(trim).sort()
			);

			// event_date is a DATE, and every event is there once.
			await app.page.goto(app.base + '/sql');
			await waitForEngine(app.page);
			await run(
				app.page,
				`SELECT typeof(event_date) AS t, count(*) AS n, count(DISTINCT incident_id) AS ids,
					(SELECT side FROM actors WHERE actor = 'Military Forces of Syria (2000-)') AS side
				FROM incidents WHERE dataset = 'acled-${layout}' GROUP BY ALL`
			);
			// New actors got the side suggested from their inter code (Syria's state forces).
			await poll(() => cells(app!.page, 1)).toEqual([
				'DATE',
				String(expected.events),
				String(expected.events),
				'Syrian government'
			]);

			// The ACLED download gives the same events and values, column by column.
			await app.page.goto(app.base + '/data');
			await waitForEngine(app.page);
			const out = layout === '2024' ? '2024' : 'classic';
			await app.page.getByLabel('Layout').selectOption(out);
			await app.page.getByLabel('Dates').selectOption('acled');
			const [download] = await Promise.all([
				app.page.waitForEvent('download'),
				app.page.getByRole('button', { name: 'Download incidents in ACLED format' }).click()
			]);
			const exported = Papa.parse<Record<string, string>>(
				readFileSync((await download.path())!, 'utf8'),
				{ header: true, skipEmptyLines: true }
			);
			expect(exported.meta.fields).toEqual([...layoutColumns(out)]);
			const kept = layout === 'truncated' ? events.slice(0, -1) : events;
			const ids = new Set(kept.map((e) => e.id));
			const original = Papa.parse<Record<string, string>>(writeLayout(kept, out), {
				header: true,
				skipEmptyLines: true
			}).data;
			const byId = (a: Record<string, string>, b: Record<string, string>) =>
				a.event_id_cnty!.localeCompare(b.event_id_cnty!);
			expect(exported.data.filter((r) => ids.has(r.event_id_cnty!)).sort(byId)).toEqual(
				original.sort(byId)
			);
		});
});
