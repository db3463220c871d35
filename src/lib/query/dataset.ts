import type { SqlQuery } from './types';

export interface DatasetSummary {
	incidents: number;
	reports: number;
	first: string | null;
	last: string | null;
}

/** The footer's summary of what is loaded: all events, whatever their type. */
export function datasetSummary(): SqlQuery {
	return {
		sql: `SELECT count(*)::INTEGER AS incidents,
	(SELECT count(*) FROM "reports")::INTEGER AS reports,
	min("event_date") AS first,
	max("event_date") AS last
FROM "incidents"`
	};
}
