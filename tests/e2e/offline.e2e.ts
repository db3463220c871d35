import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { serveBuild } from '../../scripts/server.js';
import { closeAndCheck, openApp, waitForEngine, type App } from './browser';
import { cells, run, status } from './sql-console';

const shipped = Papa.parse<string[]>(readFileSync('data/incidents.csv', 'utf8').trimEnd()).data;
const HEADER = shipped[0]!;
const shippedCount = shipped.length - 1;

/** The columns that hold the incident's id: a Raqib row's event_id_cnty repeats incident_id. */
const ID_COLUMNS = new Set(['incident_id', 'event_id_cnty'].map((c) => HEADER.indexOf(c)));
/** Two shipped rows under new ids of their own year: an upload the shipped data does not contain. */
const newRows = [1, 2].map((n) =>
	shipped[n]!.map((v, i) =>
		ID_COLUMNS.has(i) ? v.replace(/-\d{4}$/, `-98${String(n).padStart(2, '0')}`) : v
	)
);
const newIds = newRows.map((r) => r[0]!);
const twoNew = Papa.unparse([HEADER, ...newRows], { newline: '\n' }) + '\n';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 60_000 });
const incidents = (page: Page) => page.locator('[data-incidents]').textContent();

/** The page is controlled by the service worker, which activates only once its precache is complete. */
async function waitForOffline(page: Page) {
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
		timeout: 120_000
	});
}

/** The app's own server, which the test can stop: no request can then reach the network. */
async function ownServer(dir: string, port = 0) {
	return serveBuild({ dir, port });
}

let app: App | undefined;
let stop: (() => Promise<void>) | undefined;
let tmp: string | undefined;
afterEach(async () => {
	const current = app;
	app = undefined;
	await stop?.();
	stop = undefined;
	if (tmp) rmSync(tmp, { recursive: true, force: true });
	tmp = undefined;
	await closeAndCheck(current);
});

describe('offline after the first visit', () => {
	it('shows the dashboard, runs SQL and keeps an earlier upload with the server gone', async () => {
		const server = await ownServer('build');
		stop = server.close;
		tmp = mkdtempSync(join(tmpdir(), 'raqib-profile-'));
		app = await openApp({ base: server.url, profile: tmp });
		const { page } = app;
		const response = await page.goto(server.url + '/data');
		// The policy lets the app's own service worker run and lets nothing connect elsewhere.
		const policy = (response?.headers()['content-security-policy'] ?? '').split(/;\s*/);
		expect(policy).toContain("connect-src 'self'");
		expect(policy.find((d) => d.startsWith('worker-src'))?.split(' ')).toContain("'self'");
		await waitForEngine(page);
		await page
			.getByLabel('Upload CSV')
			.setInputFiles({ name: 'two.csv', mimeType: 'text/csv', buffer: Buffer.from(twoNew) });
		const card = page.getByRole('article', { name: 'two.csv' });
		await poll(() => card.locator('[data-added]').textContent()).toBe('2');
		await card.getByRole('button', { name: 'Apply' }).click();
		await poll(() => card.locator('[data-applied]').count()).toBe(1);
		await poll(() => incidents(page)).toBe(String(shippedCount + 2));
		await waitForOffline(page);

		// No network at all: the browser is offline and the server is stopped.
		await app.context.setOffline(true);
		await server.close();
		stop = undefined;

		await page.goto(server.url + '/');
		expect(await page.locator('main [data-chart] svg').count()).toBeGreaterThan(0);
		await waitForEngine(page);
		await poll(() => incidents(page)).toBe(String(shippedCount + 2));
		await poll(() => page.locator('[data-figure="attacks"]').count()).toBe(1);

		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SQL' }).click();
		await page.getByRole('button', { name: 'incidents', exact: true }).waitFor();
		await run(
			page,
			`SELECT count(*) AS n FROM incidents WHERE ${HEADER[0]} IN ('${newIds.join("', '")}')`
		);
		await expect
			.poll(() => cells(page, 1), {
				timeout: 60_000,
				message: (await status(page).textContent()) ?? ''
			})
			.toEqual(['2']);

		// A page never opened before, by its address: served from the service worker's cache too.
		await page.goto(server.url + '/data/codebook');
		await poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);

		// A second visit: the browser closed and started again on the same profile, still offline.
		const first = app;
		app = undefined;
		await closeAndCheck(first);
		app = await openApp({ base: server.url, profile: tmp });
		await app.context.setOffline(true);
		await app.page.goto(server.url + '/');
		expect(await app.page.locator('main [data-chart] svg').count()).toBeGreaterThan(0);
		await waitForEngine(app.page);
		await poll(() => app!.page.locator('[data-incidents]').textContent()).toBe(
			String(shippedCount + 2)
		);
	});
});

describe('a new deployment', () => {
	it('shows a quiet reload notice, never reloads by itself, and waits for an upload under review', async () => {
		// A copy of the build, so that its service worker can be changed as a new deployment would.
		tmp = mkdtempSync(join(tmpdir(), 'raqib-deploy-'));
		cpSync('build', tmp, { recursive: true });
		const first = await ownServer(tmp);
		stop = first.close;
		const port = Number(new URL(first.url).port);
		app = await openApp({ base: first.url });
		const { page } = app;
		await page.goto(first.url + '/data');
		await waitForEngine(page);
		await waitForOffline(page);
		// An upload left in review (parsed, not yet applied): reloading now would lose it.
		await page
			.getByLabel('Upload CSV')
			.setInputFiles({ name: 'two.csv', mimeType: 'text/csv', buffer: Buffer.from(twoNew) });
		const card = page.getByRole('article', { name: 'two.csv' });
		await poll(() => card.locator('[data-added]').textContent()).toBe('2');
		await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

		// Deploy: a service worker with other bytes, on the same address.
		await first.close();
		const sw = join(tmp, 'service-worker.js');
		writeFileSync(sw, readFileSync(sw, 'utf8') + '\n// next build\n');
		for (const copy of ['.br', '.gz']) rmSync(sw + copy, { force: true });
		const second = await ownServer(tmp, port);
		stop = second.close;
		// What the browser does by itself on a navigation, and the app every hour.
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

		const notice = page.locator('[data-update]');
		await poll(() => notice.textContent()).toContain('A new version is available');
		const reload = notice.getByRole('button', { name: 'reload' });
		expect(await reload.isDisabled()).toBe(true);
		expect(await notice.textContent()).toContain('after your upload is saved or cancelled');

		await card.getByRole('button', { name: 'Apply' }).click();
		await poll(() => card.locator('[data-applied]').count()).toBe(1);
		await poll(() => reload.isDisabled()).toBe(false);
		// Still the same document: nothing reloaded on its own.
		expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

		await reload.click();
		await poll(() => page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(
			undefined
		);
		await waitForEngine(page);
		await poll(() => notice.count()).toBe(0);
		await poll(() => incidents(page)).toBe(String(shippedCount + 2));
	});
});
