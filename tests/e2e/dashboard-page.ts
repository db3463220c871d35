import type { Page } from 'playwright-core';

/** The headline figures as { term: value } (thousands separators removed). */
export async function headline(page: Page): Promise<Record<string, string>> {
	return page
		.locator('[data-headline]')
		.evaluate((dl) =>
			Object.fromEntries(
				[...dl.querySelectorAll('div')].map((d) => [
					d.querySelector('dt')!.textContent!.trim(),
					d.querySelector('dd')!.textContent!.trim().replaceAll(',', '')
				])
			)
		);
}

/** The named columns of a chart's table view, row by row, as the cells read (opens the view when shut). */
export async function tableColumns(
	page: Page,
	chart: string,
	names: string[]
): Promise<string[][]> {
	const frame = page.locator(`[data-chart="${chart}"]`);
	if ((await frame.locator('table').count()) === 0)
		await frame.getByRole('button', { name: 'Table' }).click();
	return frame.locator('table').evaluate((t, names) => {
		const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
		return [...t.querySelectorAll('tbody tr')].map((tr) => {
			const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim());
			return names.map((n) => cells[heads.indexOf(n)]!);
		});
	}, names);
}

/** A chart's table view as { key: count }, key = the given columns joined by a space. */
export async function table(page: Page, chart: string, keys: string[], count: string) {
	const rows = await tableColumns(page, chart, [...keys, count]);
	const out: Record<string, number> = {};
	for (const r of rows) out[r.slice(0, keys.length).join(' ')] = Number(r[keys.length]);
	return out;
}

/**
 * Every chart's table as [chart, key columns, count column's recount key in
 * SQL over dashboard-recount's table f].
 */
export const CHART_TABLES: readonly [string, string[], string][] = [
	['actors', ['Actor'], 'actor1'],
	['targets', ['Target'], 'target_label'],
	['weeks', ['Week of', 'Side'], "week || ' ' || side"],
	['weapons', ['Weapon'], 'weapon'],
	['outcomes', ['Outcome'], 'outcome'],
	['map', ['Place id'], 'place_id']
];
