import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ARGS, CHROMIUM } from '../../tests/e2e/chromium.js';

export interface Session {
	context: BrowserContext;
	page: Page;
	profile: string;
	/** Every URL the page and its workers requested, in order. */
	requests: string[];
	/** Requests to other origins (blocked) and page errors: a run with any is not trusted. */
	problems: string[];
	close(): Promise<void>;
}

/** A fresh profile directory; pass it to launch() twice to measure a second visit. */
export function freshProfile(): string {
	return mkdtempSync(join(tmpdir(), 'raqib-bench-'));
}

/**
 * Headless Debian Chromium on a profile, with the same flags as the end-to-end
 * tests. Requests to any origin but `origin` are blocked and recorded.
 */
export async function launch(
	origin: string,
	options: {
		profile?: string;
		width?: number;
		/**
		 * false: only record other origins' requests, do not intercept them. Playwright's request
		 * interception turns Chromium's HTTP cache off (and with it the compiled-code cache), so
		 * the start and transfer scenarios, which measure caching, run without it.
		 */
		block?: boolean;
	} = {}
): Promise<Session> {
	const profile = options.profile ?? freshProfile();
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: [...ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
		viewport: { width: options.width ?? 1440, height: 900 }
	});
	const requests: string[] = [];
	const problems: string[] = [];
	const local = (url: string) => /^(data|blob|about):/.test(url) || new URL(url).origin === origin;
	if (options.block !== false)
		await context.route('**/*', (route) => {
			const url = route.request().url();
			if (local(url)) return route.continue();
			problems.push(`foreign request: ${url}`);
			return route.abort('blockedbyclient');
		});
	context.on('request', (req) => {
		requests.push(req.url());
		if (options.block === false && !local(req.url()))
			problems.push(`foreign request: ${req.url()}`);
	});
	const page = context.pages()[0] ?? (await context.newPage());
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	return {
		context,
		page,
		profile,
		requests,
		problems,
		async close() {
			await context.close();
			if (!options.profile) rmSync(profile, { recursive: true, force: true });
		}
	};
}
