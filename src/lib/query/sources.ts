/**
 * The reports cited by the filtered incidents, for the printable brief's
 * sources list: outlet, publication date and how many of those incidents cite
 * each. Cited ids missing from the reports table still appear (outlet NULL),
 * so a gap in the reports table is visible rather than silently dropped.
 */
import { FACTS } from './facts';
import { whereClause, type Filters } from './filters';
import type { SqlQuery } from './types';

export interface SourceRow {
	report_id: string;
	outlet: string | null;
	outlet_ar: string | null;
	/** 'YYYY-MM-DD', or null for an id the reports table lacks. */
	published: string | null;
	/** Filtered incidents citing this report. */
	n: number;
}

/** Rows in publication order (unknown dates last), then by id. */
export function sourcesQuery(filters: Filters): SqlQuery {
	const where = whereClause(filters);
	return {
		sql: `WITH cited AS (
	SELECT trim(u.s) AS report_id, count(DISTINCT x.incident_id)::INTEGER AS n
	FROM (SELECT incident_id, source_ids FROM ${FACTS} ${where.sql}) AS x,
		unnest(string_split(x.source_ids, ';')) AS u(s)
	WHERE trim(u.s) <> ''
	GROUP BY 1
)
SELECT c.report_id, r.outlet, r.outlet_ar, strftime(r.published, '%Y-%m-%d') AS published, c.n
FROM cited AS c
LEFT JOIN (SELECT report_id, any_value(outlet) AS outlet, any_value(outlet_ar) AS outlet_ar,
		any_value(published) AS published FROM reports GROUP BY report_id) AS r
	ON r.report_id = c.report_id
ORDER BY r.published NULLS LAST, c.report_id`,
		params: where.params
	};
}
