import { DIMENSIONS, type Dimension } from './filters';
import { FACTS } from './facts';
import type { SqlQuery } from './types';

/**
 * The values each filter can take (over all events, whatever the filters),
 * with their counts and display names (places by their English name from
 * the gazetteer, everything else as written), in one pass. Read once per
 * data version for the filter controls.
 */
export function filterOptions(): SqlQuery {
	const which = DIMENSIONS.map((d) => `WHEN GROUPING(${d}) = 0 THEN '${d}'`).join(' ');
	const value = DIMENSIONS.map((d) => `WHEN GROUPING(${d}) = 0 THEN ${d}`).join(' ');
	return {
		sql: `WITH o AS (
	SELECT CASE ${which} END AS dim, CASE ${value} END AS value, count(*)::INTEGER AS n
	FROM ${FACTS}
	GROUP BY GROUPING SETS (${DIMENSIONS.map((d) => `(${d})`).join(', ')})
)
SELECT o.dim, o.value, o.n,
	CASE WHEN o.dim = 'place' THEN p.name_en END AS label
FROM o
LEFT JOIN (SELECT place_id, any_value(name_en) AS name_en FROM places GROUP BY place_id) AS p
	ON o.dim = 'place' AND p.place_id = o.value
ORDER BY o.dim, coalesce(label, o.value), o.value`
	};
}

/** One value a filter can take: what is stored and what the user reads. */
export interface FilterOption {
	value: string;
	label: string;
}
export type FilterOptions = Record<Dimension, FilterOption[]>;

export function splitOptions(
	rows: readonly { dim: string; value: string | null; label?: string | null }[]
): FilterOptions {
	const out = Object.fromEntries(DIMENSIONS.map((d) => [d, [] as FilterOption[]])) as FilterOptions;
	for (const r of rows)
		if (r.value !== null)
			out[r.dim as Dimension]?.push({ value: r.value, label: r.label ?? r.value });
	return out;
}

/** The display name of `value` in dimension `d` (the value itself when not listed). */
export function optionLabel(options: FilterOptions | null, d: Dimension, value: string): string {
	return options?.[d].find((o) => o.value === value)?.label ?? value;
}

/** The whole data's first and last date, for the date inputs' bounds. */
export function dateBounds(): SqlQuery {
	return { sql: `SELECT min(event_date) AS first, max(event_date) AS last FROM ${FACTS}` };
}
