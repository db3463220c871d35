import incidents from '../../../data/incidents.csv?url';
import places from '../../../data/places.csv?url';
import actors from '../../../data/actors.csv?url';
import targets from '../../../data/targets.csv?url';
import reports from '../../../data/reports.csv?url';
import type { TableName } from '$lib/schema/tables';

/** The shipped tables' URLs on the app's own origin, in load order. */
export const SHIPPED_FILES: Record<TableName, string> = {
	incidents,
	places,
	actors,
	targets,
	reports
};
