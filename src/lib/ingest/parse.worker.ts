/// <reference lib="webworker" />
/**
 * The upload parser's own module worker (loaded with Vite's `?worker`), so a
 * 200 MB file is decoded, parsed and validated off the main thread.
 * PapaParse's built-in `worker: true` is not used: its blob worker fails in
 * the minified Vite build and its promise never settles.
 */
import { Failure, parseFile } from './pipeline';
import { planBulk } from './bulk';
import { validateTable } from './validate';
import type { ParseOptions, Progress } from './types';
import type { WorkerReply } from './client';

const post = (reply: WorkerReply) =>
	(self as unknown as DedicatedWorkerGlobalScope).postMessage(reply);

self.onmessage = async (event: MessageEvent<{ file: File; options: ParseOptions }>) => {
	const { file, options } = event.data;
	let last = 0;
	const onProgress = (progress: Progress) => {
		const now = performance.now();
		if (now - last < 100) return;
		last = now;
		post({ type: 'progress', progress });
	};
	try {
		// A file DuckDB can read straight away is only planned here (./bulk.ts); the rest is parsed.
		const plan = await planBulk(file, options, onProgress);
		if (plan) post({ type: 'bulk', plan });
		else post({ type: 'done', summary: await parseFile(file, options, validateTable, onProgress) });
	} catch (error) {
		post({
			type: 'failed',
			failure:
				error instanceof Failure
					? error.failure
					: { file: file.name, code: 'internal', detail: String(error) }
		});
	}
};
