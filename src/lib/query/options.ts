import { DIMENSIONS, type Dimension } from './filters';
import { FACTS } from './facts';
import type { SqlQuery } from './types';

/**
 * The values each filter can take (over all events, whatever the filters),
 * with their counts and display names, in one pass. Read once per data
 * version for the filter controls.
 *
 * `label` is the English name (a place's gazetteer name_en, anything else as
 * written); `label_ar` is the Arabic name an actor, target or place has in its
 * companion table (name_ar), else NULL. Vocabulary values (side, weapon …) get
 * their Arabic label from the catalogue instead ($lib/i18n vocab()).
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
	CASE WHEN o.dim = 'place' THEN p.name_en END AS label,
	nullif(CASE o.dim WHEN 'place' THEN p.name_ar WHEN 'actor' THEN a.name_ar
		WHEN 'target' THEN t.name_ar END, '') AS label_ar
FROM o
LEFT JOIN (SELECT place_id, any_value(name_en) AS name_en, any_value(name_ar) AS name_ar
	FROM places GROUP BY place_id) AS p
	ON o.dim = 'place' AND p.place_id = o.value
LEFT JOIN (SELECT actor, any_value(name_ar) AS name_ar FROM actors GROUP BY actor) AS a
	ON o.dim = 'actor' AND a.actor = o.value
LEFT JOIN (SELECT target, any_value(name_ar) AS name_ar FROM targets GROUP BY target) AS t
	ON o.dim = 'target' AND t.target = o.value
ORDER BY o.dim, coalesce(label, o.value), o.value`
	};
}

/**
 * One value a filter can take: what is stored (`value`, the URL's and SQL's),
 * its English name (`label`) and its Arabic name when the data has one (`labelAr`).
 */
export interface FilterOption {
	value: string;
	label: string;
	labelAr?: string;
}
export type FilterOptions = Record<Dimension, FilterOption[]>;

export function splitOptions(
	rows: readonly {
		dim: string;
		value: string | null;
		label?: string | null;
		label_ar?: string | null;
	}[]
): FilterOptions {
	const out = Object.fromEntries(DIMENSIONS.map((d) => [d, [] as FilterOption[]])) as FilterOptions;
	for (const r of rows) {
		if (r.value === null) continue;
		const o: FilterOption = { value: r.value, label: r.label ?? r.value };
		if (r.label_ar) o.labelAr = r.label_ar;
		out[r.dim as Dimension]?.push(o);
	}
	return out;
}

/** The option listing `value` in dimension `d`, if the data has it. */
export function findOption(
	options: FilterOptions | null,
	d: Dimension,
	value: string
): FilterOption | undefined {
	return options?.[d].find((o) => o.value === value);
}
