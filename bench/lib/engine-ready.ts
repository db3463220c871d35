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

/**
 * Wait until the service worker controls the page: it activates (and claims
 * the page) only once its precache, the copy for offline use, is complete.
 */
export async function waitForOfflineCopy(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker?.controller != null, undefined, {
		timeout: 120_000
	});
}
