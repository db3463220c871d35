/**
 * The "new in this period" filter's condition, kept apart from ./emerging.ts
 * so that ./filters.ts can use it without an import cycle.
 */
import { FACTS } from './facts';
import type { SqlQuery } from './types';

/**
 * The SQL condition "the incident's actor or place was first seen on or after
 * `from`" for a facts-table WHERE (the "new in this period" filter, combined
 * with the date range). Uncorrelated IN-subqueries, so it works whatever the
 * outer table's alias. The one parameter is `from`.
 */
export function emergingCondition(from: string, all: boolean | undefined): SqlQuery {
	const firstFrom = (col: string) =>
		`${col} IN (SELECT ${col} FROM ${FACTS} ${all ? '' : 'WHERE is_attack'} GROUP BY ${col} HAVING min(event_date) >= CAST(? AS DATE))`;
	return { sql: `(${firstFrom('actor')} OR ${firstFrom('place')})`, params: [from, from] };
}
