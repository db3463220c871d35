import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import type { MosaicPageApi } from '../page/mosaic';
import { launch, type Session } from '../lib/browser';
import { sizeLabel, type BenchContext, type GeneratedCsv } from '../lib/context';
import { measured, missing, type Figure } from '../lib/figures';
import { median, p95 } from '../lib/stats';
import { traced, traceLines } from '../lib/trace';
import { settled, UI_RECORDER } from '../lib/ui';
import { appSession, ContractError, open, uploadCsv } from './app-session';
import { filterChanges } from './dashboard';
import { UI } from './ui-contracts';
import type { Scenario } from './types';

const D = UI.dashboard;
const M = UI.mosaic;
const COL_RAQIB = 'Raqib';
const COL_MOSAIC = 'Mosaic (vgplot 0.32)';
const RATIO = 'Raqib / Mosaic';
/** Filter changes per turn: on then off, so each side leaves its page as it found it. */
const TURN = 2;

/** The Mosaic peer page in a fresh profile, loaded with `csv` and drawn. */
async function mosaicSession(ctx: BenchContext, csv: GeneratedCsv): Promise<Session> {
	const s = await launch(new URL(ctx.pageUrl).origin);
	await s.context.addInitScript(UI_RECORDER);
	await s.page.goto(ctx.pageUrl + M.path);
	await s.page.waitForSelector('html[data-ready]');
	const steps = await s.page.evaluate(
		(url) =>
			(window as unknown as { raqibMosaic: MosaicPageApi }).raqibMosaic.open(url) as Promise<
				Record<string, number>
			>,
		csv.url
	);
	ctx.log(`mosaic ${sizeLabel(csv.rows)}: loaded (${JSON.stringify(steps)})`);
	// Every panel has drawn once: each chart has its svg, then the page is quiet.
	for (const id of ['weeks', 'actors', 'targets', 'map', 'admin1', 'weapons', 'outcomes'])
		await s.page
			.locator(`[data-chart="${id}"] svg`)
			.first()
			.waitFor({ timeout: 120_000 })
			.catch(() => {
				throw new ContractError(`the Mosaic page drew no ${id} panel in 2 minutes`);
			});
	await settled(s.page, M.busy, M.quietMs, 600_000);
	return s;
}

/** Rows both sides count (the app's default: attacks), to check they hold the same data. */
async function mosaicRows(page: Page): Promise<number> {
	return page.evaluate(() =>
		(window as unknown as { raqibMosaic: MosaicPageApi }).raqibMosaic.rows()
	);
}

/**
 * Both pages held open at once and clicked in turns (Raqib on+off, Mosaic
 * on+off, …), so that load from other processes falls on both alike.
 */
async function interleaved(raqib: Page, mosaic: Page, changes: number) {
	const r: number[] = [];
	const m: number[] = [];
	while (r.length < changes) {
		r.push(...(await filterChanges(raqib, TURN)));
		m.push(...(await filterChanges(mosaic, TURN, M)));
	}
	return { r, m };
}

export const mosaicScenario: Scenario = {
	id: 'mosaic',
	title: 'Dashboard side by side with Mosaic: filter change until every panel is redrawn',
	contract:
		`Raqib: the generated CSV uploaded on ${UI.upload.path} in a fresh profile, then page ${D.path} (as in the dashboard scenario). ` +
		`Mosaic: bench page ${M.path} in another fresh profile of the same Chromium: the same CSV loaded into DuckDB-WASM started as the app starts it, ` +
		"Raqib's facts table built with the app's SQL, and the same panels (weeks with a brush, actors, targets, map over country outlines, governorate, weapon, outcome, headline, a 50-row incident list) " +
		'drawn by vgplot on its attacks, cross-filtered with Selection.crossfilter() and its default pre-aggregation. ' +
		`Action on both: click the first bar (${D.bar}) of the actors chart: filter on; again: off. The two pages are clicked in turns of ${TURN}. ` +
		`Done, on both: no ${D.busy} left and no DOM change for ${D.quietMs} ms; time = click event → frame after the last DOM change (page clock). ` +
		'Median (p95) of the changes; the ratio is of the medians (and of the p95s), below 1: Raqib is faster.',
	async run(ctx) {
		const figures: Figure[] = [];
		const notes: string[] = [];
		for (const rows of [...ctx.csvSizes, ...ctx.sqlSizes]) {
			const size = sizeLabel(rows);
			const csv = ctx.csvs.get(rows);
			if (!csv) {
				for (const col of [COL_RAQIB, COL_MOSAIC, RATIO])
					figures.push(
						missing(
							size,
							col,
							col === RATIO ? '×' : 'ms',
							'not run: Raqib cannot load this size yet (no narrow facts table from Arrow/Parquet; a CSV of ~3 GB does not fit the page), so there is nothing to compare'
						)
					);
				continue;
			}
			const loadBefore = loadavg()[0]!;
			const raqib = await appSession(ctx);
			let mosaic: Session | null = null;
			try {
				await uploadCsv(ctx, raqib, csv);
				await open(ctx, raqib, D.path);
				mosaic = await mosaicSession(ctx, csv);
				const held = await mosaicRows(mosaic.page);
				ctx.log(
					`mosaic ${size}: ${ctx.filterChanges} filter changes on each side (${held} attacks)`
				);
				// One warm-up turn on each side: the first click builds the indexes on both.
				await interleaved(raqib.page, mosaic.page, TURN);
				const { r, m } = await interleaved(raqib.page, mosaic.page, ctx.filterChanges);
				figures.push(
					measured(size, COL_RAQIB, 'ms', median(r), { p95: p95(r), n: r.length }),
					measured(size, COL_MOSAIC, 'ms', median(m), { p95: p95(m), n: m.length }),
					measured(size, RATIO, '×', median(r) / median(m), { p95: p95(r) / p95(m) })
				);
				// One more click on each side under a trace (not in the figures): where its time goes.
				for (const [label, page, ui] of [
					['Raqib', raqib.page, D],
					['Mosaic', mosaic.page, M]
				] as const) {
					const t = await traced(page, async () => (await filterChanges(page, 1, ui))[0]!);
					await filterChanges(page, 1, ui);
					notes.push(...traceLines(`${size} · ${label}`, t));
				}
				notes.push(
					`${size}: 1-minute load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`,
					`${size}: Raqib ${r.map((x) => x.toFixed(0)).join(' ')} ms; Mosaic ${m.map((x) => x.toFixed(0)).join(' ')} ms`
				);
			} catch (error) {
				if (!(error instanceof ContractError)) throw error;
				for (const col of [COL_RAQIB, COL_MOSAIC, RATIO])
					figures.push(
						missing(size, col, col === RATIO ? '×' : 'ms', `contract not met: ${error.message}`)
					);
			} finally {
				notes.push(...raqib.problems, ...(mosaic?.problems ?? []));
				await raqib.close();
				await mosaic?.close();
			}
		}
		return { figures, notes };
	}
};
