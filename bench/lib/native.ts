import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createFromCsv } from '../../src/lib/db/ddl';
import { AGGREGATE_SQL, checksum, type AggregateName } from './aggregates';
import { MEMORY_SQL } from './memory';
import type { EngineHandle, Source } from './types';

/**
 * Native DuckDB (@duckdb/node-api) in this process, with `threads` threads:
 * loads the same data as the browser (the CSV through the app's own
 * codebook-typed DDL, or the same generating SQL) and runs the aggregates,
 * reading the rows out as JS objects as the browser does.
 */
export async function nativeEngine(threads: number, col: string): Promise<EngineHandle> {
	const instance = await DuckDBInstance.create(':memory:', {
		threads: String(threads),
		autoinstall_known_extensions: 'false',
		autoload_known_extensions: 'false'
	});
	const conn: DuckDBConnection = await instance.connect();
	const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJson();
	return {
		col,
		async load(source: Source) {
			const t0 = performance.now();
			await conn.run('csv' in source ? createFromCsv('incidents', source.csv) : source.sql);
			const loadMs = performance.now() - t0;
			const mb = (await rows(MEMORY_SQL))[0]?.mb;
			return { loadMs, memoryMB: typeof mb === 'number' ? mb : null };
		},
		async query(name: AggregateName) {
			const t0 = performance.now();
			const result = (await rows(AGGREGATE_SQL[name])) as { n: unknown }[];
			return { ms: performance.now() - t0, check: checksum(result) };
		},
		async close() {
			conn.closeSync();
			instance.closeSync();
		}
	};
}
