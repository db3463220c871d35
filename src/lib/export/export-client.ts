import { tableToIPC } from 'apache-arrow';
import type { ColumnLayout, ResultTable } from '$lib/grid/result';
import type { DelimitedOptions } from './delimited';

export type ExportFormat = 'csv' | 'tsv' | 'parquet';

export interface ExportRequest {
	ipc: Uint8Array;
	/** Which Arrow columns are shown, and where DuckDB's text for each is. */
	layout: ColumnLayout[];
	order: Uint32Array | null;
	format: ExportFormat;
	options: DelimitedOptions;
}

export type ExportResponse = { ok: true; bytes: Uint8Array } | { ok: false; error: string };

/** A result as file bytes, written in a worker (one per export, ended when done). */
export function exportResult(
	result: ResultTable,
	format: ExportFormat,
	options: DelimitedOptions = {}
): Promise<Uint8Array> {
	const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module' });
	const ipc = tableToIPC(result.table, 'stream');
	const order = result.order ? result.order.slice() : null;
	const request: ExportRequest = {
		ipc,
		layout: result.layout,
		order,
		format,
		options: format === 'tsv' ? { ...options, delimiter: '\t' } : options
	};
	return new Promise<Uint8Array>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<ExportResponse>) => {
			worker.terminate();
			if (event.data.ok) resolve(event.data.bytes);
			else reject(new Error(event.data.error));
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(event.message));
		};
		worker.postMessage(request, [ipc.buffer, ...(order ? [order.buffer] : [])]);
	});
}
