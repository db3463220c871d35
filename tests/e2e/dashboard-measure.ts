/**
 * Measures the dashboard at scale (not a test: prints numbers, asserts nothing).
 *
 *   npm run build && npx tsx tests/e2e/dashboard-measure.ts [rows=1000000] [repeats=9]
 *
 * Serves build/ with its real headers, answers the request for the shipped
 * incidents.csv with a SYNTHETIC table of `rows` rows (./dashboard-synthetic.ts),
 * waits for the dashboard, then changes the weapon filter `repeats` times and
 * times each change from the select's change event to every chart having
 * redrawn (a MutationObserver on all chart containers, plus one frame).
 */
import { existsSync } from 'node:fs';
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

const server = await serveBuild({ dir: 'build' });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
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
	const queries: number[] = [];
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
					select.value = value;
					select.dispatchEvent(new Event('change', { bubbles: true }));
				});
			},
			weapons[i % weapons.length]!
		);
		if (i > 0) {
			// the first change also warms up the query path
			times.push(ms);
			queries.push(Number(await page.locator('[data-timing]').getAttribute('data-timing')));
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
}
