/**
 * Emerging actors and places: those whose FIRST event in the whole dataset
 * (attacks only, or all events with the events toggle) falls in a period.
 * "First seen" is dataset-wide on purpose: an actor new to a filter (say, to
 * drones) is not new to the conflict. The list is scoped by the other
 * filters: it names those with at least one matching event in the period.
 */
import { FACTS } from './facts';
import { whereClause, type Filters } from './filters';
import type { DateRange } from './periods';
import { trendFilters } from './trends';
import type { SqlQuery } from './types';

export const EMERGING_DIMENSIONS = ['actor', 'place'] as const;
export type EmergingDimension = (typeof EMERGING_DIMENSIONS)[number];

const toggle = (all: boolean | undefined) => (all ? '' : 'WHERE is_attack');

/**
 * Rows: dim ('actor' | 'place'), key, label (a place's English name),
 * first_seen ('YYYY-MM-DD', within `period`), n (matching events in the
 * period under `filters`, date range ignored). Sorted by first seen, then key.
 */
export function emergingQuery(filters: Filters, period: DateRange): SqlQuery {
	const where = whereClause(trendFilters(filters));
	const and = where.sql ? `${where.sql} AND` : 'WHERE';
	const first = (col: string) =>
		`SELECT '${col}' AS dim, ${col} AS key, min(event_date) AS first_seen FROM ${FACTS} ${toggle(filters.all)} GROUP BY ${col}`;
	const hits = (col: string) =>
		`SELECT '${col}' AS dim, ${col} AS key, count(*)::INTEGER AS n FROM now GROUP BY ${col}`;
	return {
		sql: `WITH now AS (
	SELECT actor, place FROM ${FACTS} ${and} event_date BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)
), firsts AS (
	${EMERGING_DIMENSIONS.map(first).join('\n\tUNION ALL ')}
), hits AS (
	${EMERGING_DIMENSIONS.map(hits).join('\n\tUNION ALL ')}
)
SELECT f.dim, f.key, p.name_en AS label, strftime(f.first_seen, '%Y-%m-%d') AS first_seen, h.n
FROM firsts AS f
JOIN hits AS h ON h.dim = f.dim AND h.key = f.key
LEFT JOIN (SELECT place_id, any_value(name_en) AS name_en FROM places GROUP BY place_id) AS p
	ON f.dim = 'place' AND p.place_id = f.key
WHERE f.first_seen BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)
ORDER BY f.first_seen, f.dim, f.key`,
		params: [...(where.params ?? []), period.from, period.to, period.from, period.to]
	};
}

export interface EmergingRow {
	dim: EmergingDimension;
	key: string;
	label: string | null;
	first_seen: string;
	n: number;
}
