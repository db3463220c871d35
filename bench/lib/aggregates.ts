/**
 * The three dashboard aggregates, as every engine in the side-by-side runs
 * them: attacks by actor, by target, and per ISO week (Monday start), with
 * the app's one attack rule (src/lib/schema/attack.ts).
 */
import { quoteLiteral } from '../../src/lib/query/sql';
import { ATTACK_EVENT_TYPES, ATTACK_SUB_EVENT_TYPES } from '../../src/lib/schema/attack';

export { ATTACK_EVENT_TYPES, ATTACK_SUB_EVENT_TYPES };

const list = (values: readonly string[]) => values.map(quoteLiteral).join(', ');
const ATTACK_SQL = `("event_type" IN (${list(ATTACK_EVENT_TYPES)}) OR "sub_event_type" IN (${list(ATTACK_SUB_EVENT_TYPES)}))`;

export type AggregateName = 'by_actor' | 'by_target' | 'by_week';
export const AGGREGATE_NAMES: readonly AggregateName[] = ['by_actor', 'by_target', 'by_week'];

/** SQL for DuckDB (WASM and native alike); each returns (key, n). */
export const AGGREGATE_SQL: Record<AggregateName, string> = {
	by_actor: `SELECT "actor1" AS key, count(*)::INTEGER AS n FROM "incidents" WHERE ${ATTACK_SQL} GROUP BY 1 ORDER BY n DESC`,
	by_target: `SELECT "target" AS key, count(*)::INTEGER AS n FROM "incidents" WHERE ${ATTACK_SQL} GROUP BY 1 ORDER BY n DESC`,
	by_week: `SELECT date_trunc('week', "event_date") AS key, count(*)::INTEGER AS n FROM "incidents" WHERE ${ATTACK_SQL} GROUP BY 1 ORDER BY 1`
};

/** What must agree between engines: how many groups, and how many attacks in all. */
export interface Checksum {
	groups: number;
	total: number;
}

export function checksum(rows: readonly { n: unknown }[]): Checksum {
	return { groups: rows.length, total: rows.reduce((a, r) => a + Number(r.n), 0) };
}
