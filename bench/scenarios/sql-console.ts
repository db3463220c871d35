import type { Page } from 'playwright-core';
import { AGGREGATE_NAMES, AGGREGATE_SQL } from '../lib/aggregates';
import { sizeLabel } from '../lib/context';
import { measured, missing, type Figure } from '../lib/figures';
import { median, p95 } from '../lib/stats';
import { appSession, ContractError, open, uploadCsv } from './app-session';
import { UI } from './ui-contracts';
import type { Scenario } from './types';

const Q = UI.sql;

/** Type the query into the editor, press Ctrl+Enter, return ms from that key to the new row count. */
export async function runInConsole(page: Page, sql: string): Promise<number> {
	const editor = page.getByRole('textbox', { name: Q.editor, exact: true });
	await editor.click();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.insertText(sql);
	// Mark the current row count stale, so that "done" is the next result's.
	await page.evaluate(
		(sel) => document.querySelector(sel)?.setAttribute('data-bench-stale', ''),
		Q.rowCount
	);
	await page.keyboard.press('Control+Enter');
	const done = await page.waitForFunction(
		([sel, err]) =>
			document.querySelector(`${sel}:not([data-bench-stale])`) || document.querySelector(err)
				? performance.now()
				: false,
		[Q.rowCount, Q.error] as const,
		{ timeout: 120_000, polling: 'raf' }
	);
	if (!(await page.locator(`${Q.rowCount}:not([data-bench-stale])`).count()))
		throw new Error(
			`the console reported an error: ${await page.locator(Q.error).first().textContent()}`
		);
	const input = await page.evaluate(
		() => (window as unknown as { __raqibUi: { input: number } }).__raqibUi.input
	);
	return ((await done.jsonValue()) as number) - input;
}

export const sqlConsoleScenario: Scenario = {
	id: 'sql-console',
	title: 'SQL console: the dashboard aggregates typed into /sql',
	contract:
		`The generated CSV is uploaded on ${UI.upload.path} in a fresh profile, then page ${Q.path}: each aggregate's SQL (as in the side-by-side) is typed into the editor named "${Q.editor}" and run with Ctrl+Enter; ` +
		`done when a new ${Q.rowCount} appears. Time from the Ctrl+Enter key event to that frame (page clock; includes drawing the result grid). Median (p95) of the repetitions after one warm-up.`,
	async run(ctx) {
		const csv = ctx.csvs.get(ctx.uploadRows)!;
		const size = sizeLabel(csv.rows);
		const s = await appSession(ctx);
		const figures: Figure[] = [];
		try {
			await uploadCsv(ctx, s, csv);
			await open(ctx, s, Q.path);
			if (!(await s.page.getByRole('textbox', { name: Q.editor, exact: true }).count()))
				throw new ContractError(`no editor named "${Q.editor}" on ${Q.path}`);
			for (const name of AGGREGATE_NAMES) {
				const ms: number[] = [];
				for (let i = 0; i <= ctx.reps; i++) {
					const t = await runInConsole(s.page, AGGREGATE_SQL[name]);
					if (i > 0) ms.push(t);
				}
				figures.push(
					measured(`${size} · ${name}`, 'Ctrl+Enter → rows shown', 'ms', median(ms), {
						p95: p95(ms),
						n: ms.length
					})
				);
			}
		} catch (error) {
			if (!(error instanceof ContractError)) throw error;
			for (const name of AGGREGATE_NAMES)
				figures.push(
					missing(
						`${size} · ${name}`,
						'Ctrl+Enter → rows shown',
						'ms',
						`contract not met: ${error.message}`
					)
				);
		} finally {
			await s.close();
		}
		return { figures, notes: s.problems };
	}
};
