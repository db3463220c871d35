import type { Page } from 'playwright-core';

/** The app sets this mark when the engine has loaded the tables (src/lib/state/engine.svelte.ts). */
export const ENGINE_READY_MARK = 'raqib:engine-ready';

/** Wait until the app's engine is ready: its mark, or else the boot banner [data-boot] gone. */
export async function waitForEngine(page: Page): Promise<void> {
	await page.waitForFunction(
		(name) =>
			performance.getEntriesByName(name, 'mark').length > 0 ||
			!document.querySelector('[data-boot]'),
		ENGINE_READY_MARK,
		{ timeout: 90_000 }
	);
}
