/// <reference lib="webworker" />
/**
 * Writes CSV/TSV/Parquet off the main thread: a million-row export takes
 * seconds of CPU, and the page must stay usable meanwhile. Receives the result
 * as Arrow IPC plus its displayed order; answers with the file's bytes.
 */
import { tableFromIPC } from 'apache-arrow';
import { ResultTable } from '$lib/grid/result';
import { resultToDelimited } from './result-csv';
import { resultToParquet } from './parquet';
import type { ExportRequest, ExportResponse } from './export-client';

self.onmessage = (event: MessageEvent<ExportRequest>) => {
	const { ipc, layout, order, format, options } = event.data;
	try {
		const result = new ResultTable(tableFromIPC(ipc), layout);
		result.order = order;
		const bytes =
			format === 'parquet'
				? new Uint8Array(resultToParquet(result))
				: new TextEncoder().encode(resultToDelimited(result, options));
		const reply: ExportResponse = { ok: true, bytes };
		self.postMessage(reply, [bytes.buffer]);
	} catch (e) {
		const reply: ExportResponse = { ok: false, error: e instanceof Error ? e.message : String(e) };
		self.postMessage(reply);
	}
};
