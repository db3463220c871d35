import { quoteIdent } from './sql';
import type { SqlQuery } from './types';

/** Scratch table the console loads one result column into, to sort it in DuckDB. */
export const SORT_TABLE = 'raqib_console_sort';

/**
 * Row indices of `v` in sorted order, NULLs last, ties kept in result order:
 * the same order as ORDER BY on the original query.
 */
export function resultOrder(dir: 'asc' | 'desc'): SqlQuery {
	return {
		sql: `SELECT i FROM ${quoteIdent(SORT_TABLE)} ORDER BY v ${dir === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, i`
	};
}

export function dropSortTable(): string {
	return `DROP TABLE IF EXISTS ${quoteIdent(SORT_TABLE)}`;
}
