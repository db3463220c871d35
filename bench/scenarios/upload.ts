import { sizeLabel } from '../lib/context';
import { measured, missing, type Figure } from '../lib/figures';
import { rendererPeakMB } from '../lib/process-memory';
import { longTasks } from '../lib/ui';
import { appSession, ContractError, uploadCsv } from './app-session';
import { UI } from './ui-contracts';
import type { Scenario } from './types';
import type { GeneratedCsv } from '../lib/context';

const COLS = [
	'seconds',
	'MB/s',
	'peak JS heap',
	'peak renderer',
	'tasks > 200 ms',
	'longest task'
] as const;

/** The upload scenario for one generated file: Raqib's own layout, or an ACLED export's. */
function uploadOf(
	id: string,
	title: string,
	file: string,
	pick: (ctx: Parameters<Scenario['run']>[0]) => GeneratedCsv
): Scenario {
	return {
		id,
		title,
		contract:
			`Page ${UI.upload.path} in a fresh profile: choose ${file} in the file input named "${UI.upload.input}", click the apply button once the upload is reviewed (${UI.upload.apply}), ` +
			`done when ${UI.upload.done} appears (rows merged into the table, queryable). seconds = file chosen (change event) → done, on the page's clock; MB/s = file size / seconds; ` +
			"peak JS heap = highest CDP Performance.getMetrics JSHeapUsedSize of the page (sampled every 250 ms; main thread only); peak renderer = VmHWM of the page's renderer process (page + all its workers, DuckDB's wasm memory included); " +
			'long tasks = main-thread tasks > 200 ms from PerformanceObserver("longtask") between choice and done. One run.',
		async run(ctx) {
			const csv = pick(ctx);
			const row = `${sizeLabel(csv.rows)} rows, ${(csv.bytes / 1e6).toFixed(0)} MB`;
			const s = await appSession(ctx);
			let peakHeap = 0;
			const cdp = await s.context.newCDPSession(s.page);
			await cdp.send('Performance.enable');
			const timer = setInterval(() => {
				cdp
					.send('Performance.getMetrics')
					.then(({ metrics }) => {
						const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
						peakHeap = Math.max(peakHeap, heap / 1e6);
					})
					.catch(() => {});
			}, 250);
			try {
				const up = await uploadCsv(ctx, s, csv);
				const tasks = await longTasks(s.page, up.since);
				const renderer = rendererPeakMB(s.profile);
				const figures: Figure[] = [
					measured(row, COLS[0], 's', up.seconds),
					measured(row, COLS[1], 'MB/s', csv.bytes / 1e6 / up.seconds),
					measured(row, COLS[2], 'MB', peakHeap),
					renderer === null
						? missing(row, COLS[3], 'MB', 'no /proc on this system')
						: measured(row, COLS[3], 'MB', renderer),
					measured(row, COLS[4], 'count', tasks.over200),
					measured(row, COLS[5], 'ms', tasks.longest)
				];
				return { figures, notes: s.problems };
			} catch (error) {
				if (!(error instanceof ContractError)) throw error;
				return {
					figures: COLS.map((c) =>
						missing(row, c, c === 'MB/s' ? 'MB/s' : 's', `contract not met: ${error.message}`)
					)
				};
			} finally {
				clearInterval(timer);
				await s.close();
			}
		}
	};
}

export const uploadScenario = uploadOf(
	'upload',
	'Upload a CSV until it is queryable',
	'the generated CSV',
	(ctx) => ctx.csvs.get(ctx.uploadRows)!
);

/** ACLED's classic layout: ACLED dates read, places made from the file, new actors accepted. */
export const acledUploadScenario = uploadOf(
	'upload-acled',
	'Upload an ACLED export until it is queryable',
	`the generated ACLED-layout CSV (classic 31 columns, dates like 01 November 2024; new actors and places accepted with "${UI.upload.acceptNew}")`,
	(ctx) => ctx.acledCsv
);
