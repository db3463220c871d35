/**
 * Measures the dashboard at scale (not a test: prints numbers, asserts nothing).
 *
 *   npm run build && npx tsx tests/e2e/dashboard-measure.ts [rows=1000000] [repeats=9]
 *
 * Serves a copy of build/ with its real headers in which the shipped
 * incidents.csv is replaced by a SYNTHETIC table of `rows` rows
 * (./dashboard-synthetic.ts; a file, because the browser's debugging pipe
 * cannot carry a 100 MB+ intercepted response),
 * waits for the dashboard, then changes the weapon filter `repeats` times and
 * times each change from the select's change event to every chart having
 * redrawn (a MutationObserver on all chart containers, plus one frame).
 */
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveBuild } from '../../scripts/server.js';
import { ARGS } from './browser';
import { CHROMIUM } from './chromium.js';
import { writeSyntheticIncidents } from './dashboard-synthetic';

const rows = Number(process.argv[2] ?? 1_000_000);
const repeats = Number(process.argv[3] ?? 9);
const file = join(tmpdir(), `raqib-synthetic-${rows}.csv`);
if (!existsSync(file)) await writeSyntheticIncidents(rows, file);

const dir = mkdtempSync(join(tmpdir(), 'raqib-measure-'));
cpSync('build', dir, { recursive: true });
const assets = join(dir, '_app/immutable/assets');
const shipped = readdirSync(assets).filter((f) => /^incidents.*\.csv$/.test(f));
if (shipped.length !== 1)
	throw new Error(`expected one incidents*.csv in build/, found ${shipped.length}`);
copyFileSync(file, join(assets, shipped[0]!));
const server = await serveBuild({ dir });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.on('crash', () => console.log('page crashed'));
	browser.on('disconnected', () => console.log('browser disconnected'));
	page.on('close', () => console.log('page closed'));
	page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
	await page.route('**/incidents*.csv', (route) =>
		route.fulfill({ path: file, contentType: 'text/csv' })
	);
	const loadStart = Date.now();
	await page.goto(server.url + '/');
	await page.locator('[data-boot]').waitFor({ state: 'detached', timeout: 600_000 });
	await page.locator('[data-chart="actors"] svg').first().waitFor({ timeout: 600_000 });
	console.log(`rows ${rows}: engine ready and first dashboard after ${Date.now() - loadStart} ms`);
	const weapons = ['drone', 'rocket', '', 'airstrike', 'artillery', ''];
	const times: number[] = [];
	const queries: string[] = [];
	for (let i = 0; i < repeats + 1; i++) {
		const ms = await page.evaluate(
			(value) => {
				const plots = [...document.querySelectorAll('[data-chart] .plot')];
				const select = document.querySelector<HTMLSelectElement>('select[data-filter="weapon"]')!;
				return new Promise<number>((resolve) => {
					const seen = new Set<Node>();
					const t0 = performance.now();
					const observer = new MutationObserver((records) => {
						for (const r of records) seen.add(r.target);
						if (seen.size < plots.length) return;
						observer.disconnect();
						requestAnimationFrame(() => resolve(performance.now() - t0));
					});
					for (const p of plots) observer.observe(p, { childList: true });
					setTimeout(() => resolve(-seen.size), 20_000); // not every chart redrew: reported, not waited for
					select.value = value;
					select.dispatchEvent(new Event('change', { bubbles: true }));
				});
			},
			weapons[i % weapons.length]!
		);
		if (ms < 0)
			console.log(`change to '${weapons[i % weapons.length]}': only ${-ms} charts redrew`);
		if (i > 0 && ms >= 0) {
			// the first change also warms up the query path
			times.push(ms);
			const timing = page.locator('[data-timing]');
			queries.push(
				`${await timing.getAttribute('data-timing')}${(await timing.getAttribute('data-cube')) ? ' (cube)' : ' (scan)'}`
			);
		}
		await page.waitForTimeout(300);
	}
	const sorted = [...times].sort((a, b) => a - b);
	const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
	console.log(
		`filter change → all charts redrawn, ${times.length} runs: median ${q(0.5).toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`
	);
	console.log(`runs: ${times.map((t) => t.toFixed(0)).join(', ')}`);
	console.log(`of which the query (request → rows in JS): ${queries.join(', ')} ms`);
} finally {
	await browser.close();
	server.close();
	rmSync(dir, { recursive: true, force: true });
}
