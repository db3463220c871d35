import type { Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { openApp, waitForEngine, closeAndCheck, type App } from './browser';

/**
 * The SQL console for one test file: `open()` starts Chromium on /sql (or
 * `path`) and waits for the console's own connection; after each test the app
 * is closed and checked for foreign requests and page errors.
 */
export function consoleSession() {
	let app: App | undefined;
	afterEach(async () => {
		const current = app;
		app = undefined;
		await closeAndCheck(current);
	});
	return {
		get app(): App | undefined {
			return app;
		},
		/** Close the current app now (to reopen the same profile), still checking it. */
		async close(): Promise<void> {
			const current = app;
			app = undefined;
			await closeAndCheck(current);
		},
		async open(
			options: {
				width?: number;
				profile?: string;
				path?: string;
				before?: (a: App) => Promise<unknown>;
			} = {}
		): Promise<Page> {
			app = await openApp(options);
			await options.before?.(app);
			await app.page.goto(app.base + (options.path ?? '/sql'));
			await waitForEngine(app.page);
			// The schema browser fills in once the console has its own connection.
			await app.page.getByRole('button', { name: 'incidents', exact: true }).waitFor();
			return app.page;
		}
	};
}

export const editor = (page: Page) => page.getByRole('textbox', { name: 'SQL' });
export const grid = (page: Page) => page.getByRole('table', { name: 'Query result' });
export const status = (page: Page) => page.locator('p.status');
export const headers = async (page: Page) =>
	(await grid(page).getByRole('columnheader').allTextContents()).map((h) =>
		h.replace(/\s+/g, ' ').trim()
	);

/** Replace the editor's text and run it with the keyboard shortcut. */
export async function run(page: Page, sql: string) {
	// An open completion list would sit over the editor; focusing does not need a free spot.
	await editor(page).focus();
	await page.keyboard.press('Escape');
	await page.keyboard.press('Control+A');
	await page.keyboard.insertText(sql);
	const runs = async () => Number(await status(page).getAttribute('data-runs'));
	const before = await runs();
	await page.keyboard.press('Control+Enter');
	// Finished means this run, not the one before it: the count of finished runs went up.
	await expect.poll(runs, { timeout: 60_000 }).toBeGreaterThan(before);
}

/** The texts of the cells of displayed row `row` (1-based, header excluded). */
export const cells = (page: Page, row: number) =>
	grid(page)
		.locator(`[role=row][aria-rowindex="${row + 1}"] [role=cell]`)
		.allTextContents();
