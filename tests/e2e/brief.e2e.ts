import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAndCheck, openApp, waitForEngine, type App } from './browser';

let app: App | undefined;
afterEach(async () => {
	const current = app;
	app = undefined;
	await closeAndCheck(current);
});

/** The PDF's text by poppler's pdftotext (Debian: apt-get install poppler-utils). */
function pdfText(file: string): string {
	return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('printable brief', () => {
	it('prints to an A4 PDF, offline, whose pages hold the headline figures, the tables and the sources', async () => {
		app = await openApp();
		const { page } = app;
		await page.goto(`${app.base}?actor=US-led+coalition&ref=2023-11-06`);
		await waitForEngine(page);
		await page.locator('[data-headline][aria-busy="false"]').waitFor();
		const figures = await page
			.locator('[data-headline] [data-figure]')
			.evaluateAll((dds) =>
				Object.fromEntries(dds.map((d) => [d.getAttribute('data-figure'), d.textContent!.trim()]))
			);
		await page.locator('[data-brief-link]').click();
		await page.waitForURL(/\/brief\/\?actor=US-led\+coalition&ref=2023-11-06$/);
		await page.locator('[data-brief][data-ready="true"]').waitFor({ timeout: 60_000 });
		// From here on nothing may reach the network: the PDF is made from what is in the page.
		await app.context.setOffline(true);
		const dir = mkdtempSync(join(tmpdir(), 'raqib-brief-'));
		const pdf = join(dir, 'brief.pdf');
		writeFileSync(
			pdf,
			await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
		);
		await app.context.setOffline(false);
		const text = pdfText(pdf).replace(/\s+/g, ' ');
		expect(text).toContain('Raqib brief');
		expect(text).toContain('Attacks over all dates; Actor: US-led coalition.');
		for (const key of ['attacks', 'fatalities', 'injuries', 'reports'])
			expect(text, key).toContain(figures[key]!);
		// The date range may wrap inside its box: each end on its own.
		for (const end of figures.range!.split('–')) expect(text).toContain(end.trim());
		for (const part of [
			'Attacks per week',
			'Attacks by actor',
			'Attacks by target',
			'What changed',
			'sharp increase',
			'Attacks by place',
			'Sources'
		])
			expect(text, part).toContain(part);
		expect(text).toMatch(/2023-11-09 SY24/);
		// Every page as a PNG, to be looked at (test-results/brief-page-N.png).
		execFileSync('pdftoppm', ['-r', '70', '-png', pdf, 'test-results/brief-page']);
		const pages = readdirSync('test-results').filter((f) => f.startsWith('brief-page'));
		expect(pages.length).toBeGreaterThanOrEqual(2);
	});
});
