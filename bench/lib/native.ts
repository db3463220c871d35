import { DuckDBInstance } from '@duckdb/node-api';
import { createFromCsv } from '../../src/lib/db/ddl';
import { MEMORY_SQL } from './memory';
import { AGGREGATE_NAMES, AGGREGATE_SQL, checksum } from './aggregates';
import type { AggregateTimings } from './types';

export type Source = { csv: string } | { sql: string };

export interface EngineRun {
	loadMs: number;
	/** Memory the engine holds for the loaded table, MB. */
	memoryMB: number | null;
	timings: AggregateTimings;
}

/**
 * Native DuckDB (@duckdb/node-api) in this process: load the same data as the
 * browser (the CSV through the app's own codebook-typed DDL, or the same
 * generating SQL), then time each aggregate `reps` times after one warm-up,
 * reading the rows out as JS objects as the browser does.
 */
export async function runNative(threads: number, source: Source, reps: number): Promise<EngineRun> {
	const instance = await DuckDBInstance.create(':memory:', {
		threads: String(threads),
		autoinstall_known_extensions: 'false',
		autoload_known_extensions: 'false'
	});
	const conn = await instance.connect();
	try {
		const t0 = performance.now();
		await conn.run('csv' in source ? createFromCsv('incidents', source.csv) : source.sql);
		const loadMs = performance.now() - t0;
		const mem = (await conn.runAndReadAll(MEMORY_SQL)).getRowObjectsJson()[0]?.mb;
		const timings = {} as AggregateTimings;
		for (const name of AGGREGATE_NAMES) {
			const ms: number[] = [];
			let rows: { n: unknown }[] = [];
			for (let i = 0; i <= reps; i++) {
				const s = performance.now();
				rows = (await conn.runAndReadAll(AGGREGATE_SQL[name])).getRowObjectsJson() as {
					n: unknown;
				}[];
				if (i > 0) ms.push(performance.now() - s);
			}
			timings[name] = { ms, check: checksum(rows) };
		}
		return { loadMs, memoryMB: typeof mem === 'number' ? mem : null, timings };
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}
