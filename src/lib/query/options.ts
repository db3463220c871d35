import { DIMENSIONS, type Dimension } from './filters';
import { FACTS } from './facts';
import type { SqlQuery } from './types';

/**
 * The values each filter can take (over all events, whatever the filters),
 * with their counts, in one pass. Read once per data version for the selects.
 */
export function filterOptions(): SqlQuery {
	const which = DIMENSIONS.map((d, i) => `WHEN GROUPING(${d}) = 0 THEN '${DIMENSIONS[i]}'`).join(
		' '
	);
	const value = DIMENSIONS.map((d) => `WHEN GROUPING(${d}) = 0 THEN ${d}`).join(' ');
	return {
		sql: `SELECT CASE ${which} END AS dim, CASE ${value} END AS value, count(*)::INTEGER AS n,
	min(event_date) AS first, max(event_date) AS last
FROM ${FACTS}
GROUP BY GROUPING SETS (${DIMENSIONS.map((d) => `(${d})`).join(', ')})
ORDER BY dim, value`
	};
}

export type FilterOptions = Record<Dimension, string[]>;

export function splitOptions(
	rows: readonly { dim: string; value: string | null }[]
): FilterOptions {
	const out = Object.fromEntries(DIMENSIONS.map((d) => [d, [] as string[]])) as FilterOptions;
	for (const r of rows) if (r.value !== null) out[r.dim as Dimension]?.push(r.value);
	return out;
}

/** The whole data's first and last date, for the date inputs' bounds. */
export function dateBounds(): SqlQuery {
	return { sql: `SELECT min(event_date) AS first, max(event_date) AS last FROM ${FACTS}` };
}
