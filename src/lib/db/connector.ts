/**
 * The seam between Raqib and a SQL engine. The browser uses DuckDB-WASM
 * (./wasm.ts); unit tests pass a Node DuckDB implementation of the same
 * interface, so query builders and state run unchanged against both.
 */

import type { SqlQuery } from '$lib/query/types';

export type { SqlQuery, Param } from '$lib/query/types';

/**
 * A result row with values normalised by ./values.ts: integers that fit are
 * numbers (larger ones exact decimal strings), DATE is 'YYYY-MM-DD',
 * TIMESTAMP an ISO string, LIST an array, STRUCT a plain object.
 */
export type Row = Record<string, unknown>;

export interface Connector {
	/** Run one statement and return its rows. */
	query<T = Row>(q: SqlQuery | string): Promise<T[]>;
	/** Run statements for their effect (DDL, settings, several `;`-separated statements). */
	exec(sql: string): Promise<void>;
	/** Cancel the statement this connector is running, if any. Resolves true if one was cancelled. */
	cancel(): Promise<boolean>;
}

export function toQuery(q: SqlQuery | string): SqlQuery {
	return typeof q === 'string' ? { sql: q, params: [] } : q;
}
