import { sizeLabel } from '../lib/context';
import { measured, missing, type Figure } from '../lib/figures';
import { median, p95 } from '../lib/stats';
import { settled } from '../lib/ui';
import { appSession, ContractError, open, uploadCsv } from './app-session';
import { UI } from './ui-contracts';
import type { Scenario } from './types';

const D = UI.dashboard;
const COL = 'filter change → all redrawn';

/** The selectors filterChanges needs (UI.dashboard on `/`; the Mosaic peer page passes its own). */
export interface DashboardUi {
	path: string;
	chart: string;
	filterChart: string;
	bar: string;
	busy: string;
	quietMs: number;
}

/** Filter changes on the dashboard already loaded with the data: click the first bar (filter on), click it again (off), … */
export async function filterChanges(
	page: import('playwright-core').Page,
	changes: number,
	ui: DashboardUi = D
): Promise<number[]> {
	await page
		.locator(ui.chart)
		.first()
		.waitFor({ timeout: 60_000 })
		.catch(() => {
			throw new ContractError(`no chart (${ui.chart}) on ${ui.path}`);
		});
	await settled(page, ui.busy, ui.quietMs).catch(() => 0);
	const chart = (await page.locator(ui.filterChart).count())
		? page.locator(ui.filterChart)
		: page.locator(ui.chart).first();
	const bar = chart.locator(ui.bar).first();
	if ((await bar.count()) === 0) throw new ContractError(`no bar (${ui.bar}) in ${ui.filterChart}`);
	const ms: number[] = [];
	for (let i = 0; i < changes; i++) {
		await bar.click();
		ms.push(await settled(page, ui.busy, ui.quietMs));
	}
	return ms;
}

export const dashboardScenario: Scenario = {
	id: 'dashboard',
	title: 'Dashboard: filter change until every chart and figure is redrawn',
	contract:
		`The generated CSV is uploaded on ${UI.upload.path} (see the upload scenario) in a fresh profile, then page ${D.path}. ` +
		`Action: click the first bar (${D.bar}) of ${D.filterChart} (the first ${D.chart} if absent): filter on; click it again: off; repeated. ` +
		`Done: no ${D.busy} left and no DOM change in the page for ${D.quietMs} ms; the time is from the click event to the frame after the last DOM change it caused (page clock). ` +
		'Median and p95 of the changes.',
	async run(ctx) {
		const figures: Figure[] = [];
		for (const rows of [...ctx.csvSizes, ...ctx.sqlSizes]) {
			const size = sizeLabel(rows);
			const csv = ctx.csvs.get(rows);
			if (!csv) {
				figures.push(
					missing(
						size,
						COL,
						'ms',
						'not run: loading this size needs a CSV the browser cannot hold (~3 GB at 10M) and full-width rows beyond the 4 GB wasm32 heap (see "memory" in the side-by-side)'
					)
				);
				continue;
			}
			const s = await appSession(ctx);
			try {
				await uploadCsv(ctx, s, csv);
				await open(ctx, s, D.path);
				ctx.log(`dashboard ${size}: ${ctx.filterChanges} filter changes`);
				const ms = await filterChanges(s.page, ctx.filterChanges);
				figures.push(measured(size, COL, 'ms', median(ms), { p95: p95(ms), n: ms.length }));
			} catch (error) {
				if (!(error instanceof ContractError)) throw error;
				figures.push(missing(size, COL, 'ms', `contract not met: ${error.message}`));
			} finally {
				await s.close();
			}
		}
		return { figures };
	}
};
