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

/** A chart's table view as { key: count }, key = the given columns joined by a space. */
export async function table(page: Page, chart: string, keys: string[], count: string) {
	const frame = page.locator(`[data-chart="${chart}"]`);
	if ((await frame.locator('table').count()) === 0)
		await frame.getByRole('button', { name: 'Table' }).click();
	return frame.locator('table').evaluate(
		(t, [keys, count]) => {
			const heads = [...t.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
			const col = (name: string) => heads.indexOf(name);
			const out: Record<string, number> = {};
			for (const tr of t.querySelectorAll('tbody tr')) {
				const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim());
				out[(keys as string[]).map((k) => cells[col(k)]).join(' ')] = Number(
					cells[col(count as string)]
				);
			}
			return out;
		},
		[keys, count] as const
	);
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
