import { launch, type Session } from '../lib/browser';
import type { BenchContext, GeneratedCsv } from '../lib/context';
import { pageNow, UI_RECORDER } from '../lib/ui';
import { waitForEngine } from '../lib/engine-ready';
import { UI } from './ui-contracts';

/** A page is missing what a scenario needs (the UI has not landed, or changed): the figure is reported missing. */
export class ContractError extends Error {}

/** The app in a fresh profile, recording UI timings (lib/ui.ts). */
export async function appSession(ctx: BenchContext): Promise<Session> {
	const s = await launch(new URL(ctx.appUrl).origin);
	await s.context.addInitScript(UI_RECORDER);
	return s;
}

export async function open(ctx: BenchContext, s: Session, path: string): Promise<void> {
	await s.page.goto(ctx.appUrl + path);
	await waitForEngine(s.page);
}

export interface Uploaded {
	/** Seconds from the file input's change event to the "applied" message. */
	seconds: number;
	/** Page clock when the file was chosen (for long tasks). */
	since: number;
}

/**
 * Upload a CSV as a user would on /data: choose the file, pick "replace"
 * when offered, apply it once reviewed, wait for the "applied" message.
 */
export async function uploadCsv(
	ctx: BenchContext,
	s: Session,
	csv: GeneratedCsv
): Promise<Uploaded> {
	const { page } = s;
	await open(ctx, s, UI.upload.path);
	const input = page.getByLabel(UI.upload.input, { exact: true });
	if ((await input.count()) === 0)
		throw new ContractError(`no file input named "${UI.upload.input}" on ${UI.upload.path}`);
	const before = await pageNow(page);
	await input.setInputFiles(csv.path);
	const since = await page.evaluate(
		() => (window as unknown as { __raqibUi: { input: number } }).__raqibUi.input
	);
	const next = page.locator(`${UI.upload.review}, ${UI.upload.done}, ${UI.upload.failed}`).first();
	await next.waitFor({ timeout: 600_000 });
	// A rejected file is reported, not crashed on: the figures say why they are missing.
	if (await page.locator(UI.upload.failed).count())
		throw new ContractError(
			`the upload was rejected: ${await page.locator(UI.upload.failed).first().textContent()} ${(
				(await page
					.locator(UI.upload.issues)
					.first()
					.textContent({ timeout: 1000 })
					.catch(() => '')) ?? ''
			)
				.replace(/\s+/g, ' ')
				.slice(0, 300)}`
		);
	if (await page.locator(UI.upload.review).count()) {
		const replace = page.getByLabel(UI.upload.replace, { exact: true });
		if (await replace.count()) await replace.check();
		// Names the tables do not have yet (an ACLED file's actors) are accepted as new entries.
		const accept = page.locator(UI.upload.acceptNew);
		if (await accept.count()) await accept.first().check();
		const apply = page.locator(UI.upload.apply).first();
		// Synthetic ids (SYN-…) do not match the codebook's DEZ-<year>-<nnnn>: the validator must let them through.
		if (await apply.isDisabled())
			throw new ContractError(
				`the upload stays in review with its apply button disabled: ${(await page.locator(UI.upload.review).innerText()).slice(0, 200)}`
			);
		await apply.click();
	}
	const done = await page.waitForFunction(
		(sel) => (document.querySelector(sel) ? performance.now() : false),
		UI.upload.done,
		{ timeout: 600_000, polling: 'raf' }
	);
	const start = since > before ? since : before;
	return { seconds: (((await done.jsonValue()) as number) - start) / 1000, since: start };
}
