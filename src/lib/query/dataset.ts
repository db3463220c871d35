import type { SqlQuery } from './types';

export interface DatasetSummary {
	incidents: number;
	reports: number;
	first: string | null;
	last: string | null;
	/** Incidents that came from saved uploads (uploadedIncidents()); 0 before any. */
	uploaded?: number;
	/** When the newest saved upload was applied (ISO), or null without uploads. */
	uploadTime?: string | null;
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

/** The temporary table (on the connection that loads the tables) holding each shipped incident's row hash. */
const SHIPPED_PRINTS = 'shipped_incident_prints';

/**
 * Remember the shipped incidents (id and a hash of the whole row) right
 * after the shipped data is loaded and before saved uploads are replayed.
 * TEMP: it lives on the loading connection only, so the SQL console never
 * sees it.
 */
export function rememberShipped(): string {
	return `CREATE OR REPLACE TEMP TABLE ${SHIPPED_PRINTS} AS
SELECT "incident_id", hash(i) AS print FROM "incidents" AS i`;
}

/**
 * How many incidents now loaded came from uploads: ids the shipped data
 * does not have, and shipped ids whose row an upload changed. Run on the
 * connection that ran rememberShipped().
 */
export function uploadedIncidents(): SqlQuery {
	return {
		sql: `SELECT count(*)::INTEGER AS uploaded
FROM "incidents" AS i LEFT JOIN ${SHIPPED_PRINTS} AS s USING ("incident_id")
WHERE s.print IS DISTINCT FROM hash(i)`
	};
}
