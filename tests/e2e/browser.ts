import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { ARGS, CHROMIUM } from './chromium.js';

export { ARGS };

export interface App {
	context: BrowserContext;
	page: Page;
	base: string;
	/** Requests to any origin but the app's own (they are blocked, and fail the test). */
	foreign: string[];
	/** Uncaught exceptions and console errors in the page. */
	errors: string[];
	close(): Promise<void>;
}

function isLocal(url: string, base: string, allowed: readonly string[] = []): boolean {
	if (/^(data|blob|about):/.test(url)) return true;
	const origin = new URL(url).origin;
	return origin === new URL(base).origin || allowed.includes(origin);
}

/**
 * Open Chromium on a profile directory (a fresh one unless given: pass the same
 * one twice to test a second visit). All requests, workers' included, are
 * checked against the app's origin.
 */
export async function openApp(
	options: {
		profile?: string;
		width?: number;
		timezoneId?: string;
		/** Other origins a test serves itself (e.g. a page that frames the app). */
		allowOrigins?: string[];
		/** A server of the test's own (the offline tests stop theirs); else the shared one. */
		base?: string;
	} = {}
): Promise<App> {
	const base = options.base ?? inject('baseURL');
	const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'raqib-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: ARGS,
		viewport: { width: options.width ?? 1440, height: 900 },
		acceptDownloads: true,
		...(options.timezoneId ? { timezoneId: options.timezoneId } : {})
	});
	const foreign: string[] = [];
	const errors: string[] = [];
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (isLocal(url, base, options.allowOrigins)) return route.continue();
		foreign.push(url);
		return route.abort('blockedbyclient');
	});
	context.on('request', (req) => {
		if (!isLocal(req.url(), base, options.allowOrigins) && !foreign.includes(req.url()))
			foreign.push(req.url());
	});
	const page = context.pages()[0] ?? (await context.newPage());
	page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`console: ${m.text()}`);
	});
	page.on('worker', (w) => {
		w.on('console', (m) => {
			if (m.type() === 'error') errors.push(`worker console: ${m.text()}`);
		});
	});
	return {
		context,
		page,
		base,
		foreign,
		errors,
		async close() {
			await context.close();
			if (!options.profile) rmSync(profile, { recursive: true, force: true });
		}
	};
}

/** Wait until the engine has loaded the shipped tables (the boot banner is gone). */
export async function waitForEngine(page: Page): Promise<void> {
	await page.locator('[data-boot]').waitFor({ state: 'detached', timeout: 60_000 });
}

/** End a test's app: close it, then fail the test on any request to another origin or any page error. */
export async function closeAndCheck(app: App | undefined): Promise<void> {
	if (!app) return;
	await app.close();
	expect(app.foreign, 'requests to other origins').toEqual([]);
	expect(app.errors, 'page errors').toEqual([]);
}
