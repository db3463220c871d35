import type { Page } from 'playwright-core';

/**
 * Runs in every page of a UI scenario before its scripts, on the page's own
 * clock: when the user last acted (a click from its press, pointerdown,
 * or a key, from the event's timestamp), when the DOM last changed and the frame after it, and every
 * main-thread task over 50 ms (PerformanceObserver 'longtask').
 */
export const UI_RECORDER = `(() => {
	const m = (window.__raqibUi = { input: 0, mutated: 0, painted: 0, longTasks: [] });
	// A click starts at the press: a page may act on pointerdown (Mosaic's toggle does) or on click.
	let pressed = 0;
	addEventListener('pointerdown', (e) => (m.input = pressed = e.timeStamp), { capture: true });
	addEventListener('click', (e) => { m.input = pressed || e.timeStamp; pressed = 0; }, { capture: true });
	for (const type of ['keydown', 'change'])
		addEventListener(type, (e) => (m.input = e.timeStamp), { capture: true });
	new MutationObserver(() => {
		m.mutated = performance.now();
		requestAnimationFrame(() => (m.painted = performance.now()));
	}).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) m.longTasks.push({ start: e.startTime, ms: e.duration });
		}).observe({ type: 'longtask', buffered: true });
	} catch {}
})();`;

interface UiMarks {
	input: number;
	mutated: number;
	painted: number;
	longTasks: { start: number; ms: number }[];
}

const marks = (page: Page) =>
	page.evaluate(() => (window as unknown as { __raqibUi: UiMarks }).__raqibUi);

/**
 * Wait until the page has settled after the user's last action: nothing in
 * `busy` is left, and the DOM has not changed for `quietMs`. Returns ms from
 * the action's event to the frame after the last DOM change it caused.
 */
export async function settled(
	page: Page,
	busy: string,
	quietMs: number,
	timeout = 120_000
): Promise<number> {
	await page.waitForFunction(
		([b, q]) => {
			const m = (window as unknown as { __raqibUi: UiMarks }).__raqibUi;
			return (
				!document.querySelector(b as string) &&
				m.painted >= m.mutated &&
				performance.now() - m.mutated > (q as number)
			);
		},
		[busy, quietMs] as const,
		{ timeout, polling: 50 }
	);
	const m = await marks(page);
	if (m.mutated < m.input) throw new Error('the action changed nothing on the page');
	return m.painted - m.input;
}

/** Main-thread tasks since `since` (page clock): how many exceeded 200 ms, and the longest. */
export async function longTasks(page: Page, since: number) {
	const tasks = (await marks(page)).longTasks.filter((t) => t.start >= since);
	return {
		over200: tasks.filter((t) => t.ms > 200).length,
		longest: Math.max(0, ...tasks.map((t) => t.ms))
	};
}

export const pageNow = (page: Page) => page.evaluate(() => performance.now());
