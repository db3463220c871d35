import { DuckDBInstance } from '@duckdb/node-api';
import { createFromCsv } from '$lib/db/ddl';
import { PANEL_AGGREGATES } from '$lib/dashboard/registry';
import {
	dashboardQuery,
	splitDashboard,
	withHeadline,
	type DashboardData
} from '$lib/query/dashboard';
import { buildFacts } from '$lib/query/facts';
import type { TableName } from '$lib/schema/tables';

const TABLES: TableName[] = ['incidents', 'places', 'actors', 'targets', 'reports'];
/** Columns that come back as BIGINT (exact decimal strings in JSON); small enough here for numbers. */
const BIGINTS = new Set(['fatalities', 'injuries']);

/**
 * The dashboard of the shipped data with no filters, computed at build time
 * (prerendering) by native DuckDB with the very builders the browser runs, so
 * the page shows its figures and charts before DuckDB-WASM has started.
 * @duckdb/node-api is a devDependency: this never runs in the browser.
 */
export async function shippedDashboard(): Promise<DashboardData> {
	const db = await DuckDBInstance.create(':memory:', {
		// Offline build: never reach for the extension repository.
		autoinstall_known_extensions: 'false',
		autoload_known_extensions: 'false'
	});
	const conn = await db.connect();
	try {
		for (const table of TABLES) await conn.run(createFromCsv(table, `data/${table}.csv`));
		await conn.run(buildFacts());
		const q = dashboardQuery({}, PANEL_AGGREGATES);
		const reader = await conn.runAndReadAll(q.sql, [...(q.params ?? [])] as never);
		const rows = reader
			.getRowObjectsJson()
			.map((r) =>
				Object.fromEntries(
					Object.entries(r).map(([k, v]) => [k, BIGINTS.has(k) && v !== null ? Number(v) : v])
				)
			);
		return splitDashboard(rows, withHeadline(PANEL_AGGREGATES));
	} finally {
		conn.closeSync();
	}
}
