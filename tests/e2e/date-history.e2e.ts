import { describe, expect, it } from 'vitest';
import { appPerTest, slowPoll as poll, waitForEngine } from './browser';

const session = appPerTest();

describe('typing a date in a filter', () => {
	it('adds one history entry per field, never one per keystroke, and never a year like 0201', async () => {
		const app = await session.open();
		const { page } = app;
		await page.goto(app.base + '/');
		await waitForEngine(page);
		const param = (key: string) => new URL(page.url()).searchParams.get(key);
		const steps = () => page.evaluate(() => history.length);
		const start = await steps();

		const from = page.locator('input[data-filter="from"]');
		await from.click();
		await from.pressSequentially('2018-03-01');
		await poll(() => param('from')).toBe('2018-03-01');
		// Then a typo corrected in the same field: the entry is replaced, not added.
		await from.press('Backspace');
		await from.pressSequentially('5');
		await poll(() => param('from')).toBe('2018-03-05');
		expect(await steps()).toBe(start + 1);

		// A year typed digit by digit: 0201-12-31 is never applied, 2019-12-31 is.
		const to = page.locator('input[data-filter="to"]');
		await to.click();
		await to.pressSequentially('0201-12-31');
		await to.press('Tab');
		expect(param('to')).toBeNull();
		await to.fill('');
		await to.pressSequentially('2019-12-31');
		await poll(() => param('to')).toBe('2019-12-31');
		expect(await steps()).toBe(start + 2);

		// Back: first the state before the To date, then the one before the From date.
		await page.goBack();
		await poll(() => param('to')).toBeNull();
		expect(param('from')).toBe('2018-03-05');
		await page.goBack();
		await poll(() => param('from')).toBeNull();
		expect(new URL(page.url()).search).toBe('');
	});
});
