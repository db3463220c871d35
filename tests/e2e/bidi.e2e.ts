import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { isAttack } from '../../src/lib/schema/attack';
import { unisolated } from './bidi-check';
import { appPerTest, slowPoll as poll, waitForEngine, type App } from './browser';

const shipped = Papa.parse<string[]>(readFileSync('data/incidents.csv', 'utf8').trimEnd()).data;
const HEADER = shipped[0]!;
const col = (name: string) => HEADER.indexOf(name);
const attacks = shipped
	.slice(1)
	.filter((r) => isAttack(r[col('event_type')]!, r[col('sub_event_type')]!));

const RLO = '\u202e';
// Names from data that try to reorder the text around them: an override left open, and Arabic.
const ACTOR = `Group ${RLO}eman`;
const TARGET = `مستودع ${RLO}Depot`;
const FILE = `names-${RLO}vsc.csv`;

const session = appPerTest();

/** Two new attacks by ACTOR on TARGET (shipped attack rows under new ids). */
function rows(): string[][] {
	return [1, 2].map((n) => {
		const row = [...attacks[n]!];
		row[0] = row[0]!.replace(/-\d{4}$/, `-7${String(n).padStart(3, '0')}`);
		row[col('event_id_cnty')] = row[0];
		row[col('actor1')] = ACTOR;
		row[col('actor1_certainty')] = 'stated';
		row[col('target')] = TARGET;
		return row;
	});
}

async function shoot(app: App, name: string): Promise<void> {
	await app.page.screenshot({ path: `test-results/bidi-${name}.png`, fullPage: true });
}

describe('names from data are isolated', () => {
	it('an override or Arabic in a name never reorders the text around it, and exports keep it', async () => {
		const app = await session.open();
		const { page } = app;
		await page.goto(app.base + '/data');
		await waitForEngine(page);
		const data = Papa.unparse([HEADER, ...rows()], { newline: '\n' }) + '\n';
		await page
			.getByLabel('Upload CSV')
			.setInputFiles({ name: FILE, mimeType: 'text/csv', buffer: Buffer.from(data) });
		const card = page.getByRole('article', { name: FILE });
		await poll(() => card.locator('[data-unknown]').count()).toBe(1);
		await card.getByRole('checkbox').check();
		await poll(() => card.locator('[data-added]').textContent()).toBe('2');
		await card.getByRole('button', { name: 'Apply' }).click();
		await poll(() => card.locator('[data-applied]').count()).toBe(1);
		await poll(() => page.locator('[data-saved]').count()).toBeGreaterThan(0);
		expect(await unisolated(page, RLO, [ACTOR, TARGET, FILE])).toEqual([]);
		await shoot(app, 'data');

		// The download carries the names byte for byte.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'incidents.csv' }).click()
		]);
		const text = readFileSync((await download.path())!, 'utf8');
		const back = Papa.parse<string[]>(text.trimEnd()).data;
		const ours = back.filter((r) => r[col('actor1')] === ACTOR);
		expect(ours.map((r) => r[col('target')])).toEqual([TARGET, TARGET]);

		// The dashboard filtered to the actor: chips, pickers, charts, list, tooltips.
		await page.goto(`${app.base}/?actor=${encodeURIComponent(ACTOR)}`);
		await waitForEngine(page);
		await poll(() => page.locator('[data-figure="attacks"]').textContent()).toBe('2');
		await poll(() => page.getByRole('cell', { name: ACTOR }).count()).toBeGreaterThan(0);
		expect(await unisolated(page, RLO, [ACTOR, TARGET])).toEqual([]);
		await shoot(app, 'dashboard');

		// Arabic pages too.
		await page.goto(`${app.base}/ar/?actor=${encodeURIComponent(ACTOR)}`);
		await waitForEngine(page);
		await poll(() => page.locator('[data-figure="attacks"]').textContent()).toBe('٢');
		await poll(() => page.getByRole('cell', { name: ACTOR }).count()).toBeGreaterThan(0);
		expect(await unisolated(page, RLO, [ACTOR, TARGET])).toEqual([]);
		await shoot(app, 'dashboard-ar');

		// The SQL grid.
		await page.goto(app.base + '/sql');
		await waitForEngine(page);
		await page.getByRole('button', { name: 'incidents', exact: true }).waitFor();
		await page.getByRole('textbox', { name: 'SQL' }).click();
		await page.keyboard.press('Control+A');
		await page.keyboard.insertText(
			"SELECT actor1, target, count(*) AS n FROM incidents WHERE actor1 LIKE 'Group%' GROUP BY ALL"
		);
		await page.getByRole('button', { name: 'Run', exact: true }).click();
		const grid = page.getByRole('table', { name: 'Query result' });
		await poll(() => grid.getByRole('cell', { name: ACTOR }).count()).toBe(1);
		expect(await unisolated(page, RLO, [ACTOR, TARGET])).toEqual([]);
		await shoot(app, 'sql');
	});
});
