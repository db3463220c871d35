import ParseWorker from './parse.worker?worker';
import type { BulkPlan } from './bulk';
import type { ParseFailure, ParseOptions, ParseSummary, Progress } from './types';

export type WorkerReply =
	| { type: 'progress'; progress: Progress }
	| { type: 'done'; summary: ParseSummary }
	| { type: 'bulk'; plan: BulkPlan }
	| { type: 'failed'; failure: ParseFailure };

/** The file parsed (the JavaScript path), or a plan for DuckDB to read it (the bulk path). */
export type ParseOutcome = { summary: ParseSummary } | { plan: BulkPlan };

export interface ParseTask {
	result: Promise<ParseOutcome>;
	/** Stop parsing now: the worker is terminated and `result` rejects with { code: 'cancelled' }. */
	cancel(): void;
}

/** Parse a file in a fresh worker; progress is reported as it goes. */
export function parseInWorker(
	file: File,
	options: ParseOptions,
	onProgress: (p: Progress) => void
): ParseTask {
	const worker = new ParseWorker();
	let reject: (reason: unknown) => void = () => {};
	const result = new Promise<ParseOutcome>((resolve, fail) => {
		reject = fail;
		worker.onmessage = (event: MessageEvent<WorkerReply>) => {
			const reply = event.data;
			if (reply.type === 'progress') return onProgress(reply.progress);
			worker.terminate();
			if (reply.type === 'done') resolve({ summary: reply.summary });
			else if (reply.type === 'bulk') resolve({ plan: reply.plan });
			else fail(reply.failure);
		};
		worker.onerror = (event) => {
			worker.terminate();
			fail({ file: file.name, code: 'internal', detail: event.message } satisfies ParseFailure);
		};
	});
	worker.postMessage({ file, options: plain(options) });
	return {
		result,
		cancel() {
			worker.terminate();
			reject({ file: file.name, code: 'cancelled' });
		}
	};
}

/** Options may come from runes state (proxies cannot be posted): send a plain copy. */
function plain(options: ParseOptions): ParseOptions {
	return JSON.parse(JSON.stringify(options)) as ParseOptions;
}
