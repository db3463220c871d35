/**
 * The columns of every table Raqib ships, in file order: the codebook
 * (data/README.md) in code. The loader (src/lib/db), the validator
 * (src/lib/ingest) and the downloads all read this one list.
 * Keep the exports TableName, ColumnType, ColumnSpec, TABLE_COLUMNS.
 */
import {
	ALL_SUB_EVENT_TYPES,
	BANKS,
	CERTAINTIES,
	DATE_CONFIDENCES,
	EVENT_TYPES,
	OUTCOMES,
	SIDES,
	TARGET_TYPES,
	WEAPONS
} from './vocab';

/** How a CSV cell is read: list = ';'-separated text, enum = closed vocabulary (see vocab.ts). */
export type ColumnType = 'string' | 'int' | 'float' | 'date' | 'enum' | 'list';

export interface ColumnSpec {
	name: string;
	type: ColumnType;
	/** The cell must not be empty. (Every column must be present in the header either way.) */
	required: boolean;
	/** enum: the allowed values (an empty cell is allowed when not required). */
	values?: readonly string[];
	/** int / float: inclusive bounds. */
	min?: number;
	max?: number;
}

export type TableName = 'incidents' | 'places' | 'actors' | 'targets' | 'reports';

/** The tables in load order. */
export const TABLE_NAMES: readonly TableName[] = [
	'incidents',
	'places',
	'actors',
	'targets',
	'reports'
];

type Extra = Pick<ColumnSpec, 'values' | 'min' | 'max'>;

const col = (name: string, type: ColumnType, required = false, extra: Extra = {}): ColumnSpec => ({
	name,
	type,
	required,
	...extra
});
const en = (name: string, values: readonly string[], required = false): ColumnSpec =>
	col(name, 'enum', required, { values });

export const INCIDENT_COLUMNS: readonly ColumnSpec[] = [
	col('incident_id', 'string', true),
	col('event_date', 'date', true),
	col('time_precision', 'int', true, { min: 1, max: 3 }),
	col('date_note', 'string'),
	en('event_type', EVENT_TYPES, true),
	en('sub_event_type', ALL_SUB_EVENT_TYPES, true),
	col('actor1', 'string', true),
	en('actor1_certainty', CERTAINTIES, true),
	col('assoc_actor_1', 'list'),
	col('actor2', 'string'),
	// target and weapon are required for attacks only (see ingest/validate-incidents.ts).
	col('target', 'string'),
	en('target_type', TARGET_TYPES),
	en('weapon', WEAPONS),
	en('outcome', OUTCOMES, true),
	col('place_id', 'string', true),
	col('fatalities', 'int', true, { min: 0 }),
	col('injuries', 'int', true, { min: 0 }),
	col('source_ids', 'list', true),
	col('evidence', 'string', true),
	col('notes', 'string', true)
];

export const PLACE_COLUMNS: readonly ColumnSpec[] = [
	col('place_id', 'string', true),
	col('name_en', 'string', true),
	col('name_ar', 'string', true),
	col('latitude', 'float', true, { min: -90, max: 90 }),
	col('longitude', 'float', true, { min: -180, max: 180 }),
	col('geo_precision', 'int', true, { min: 1, max: 3 }),
	col('admin1', 'string', true),
	col('admin2', 'string'),
	en('bank', BANKS)
];

export const ACTOR_COLUMNS: readonly ColumnSpec[] = [
	col('actor', 'string', true),
	col('name_ar', 'string'),
	en('side', SIDES, true),
	col('acled_inter', 'int', true, { min: 1, max: 8 }),
	col('description', 'string')
];

export const TARGET_COLUMNS: readonly ColumnSpec[] = [
	col('target', 'string', true),
	col('name_ar', 'string'),
	en('target_type', TARGET_TYPES, true),
	col('place_id', 'string'),
	col('operator', 'string')
];

export const REPORT_COLUMNS: readonly ColumnSpec[] = [
	col('report_id', 'string', true),
	col('file', 'string', true),
	col('outlet', 'string', true),
	col('outlet_ar', 'string'),
	col('published', 'date', true),
	en('date_confidence', DATE_CONFIDENCES, true),
	col('notes', 'string')
];

export const TABLE_COLUMNS: Record<TableName, readonly ColumnSpec[]> = {
	incidents: INCIDENT_COLUMNS,
	places: PLACE_COLUMNS,
	actors: ACTOR_COLUMNS,
	targets: TARGET_COLUMNS,
	reports: REPORT_COLUMNS
};

/** The column that identifies a row of each table (unique, non-empty). */
export const TABLE_KEYS: Record<TableName, string> = {
	incidents: 'incident_id',
	places: 'place_id',
	actors: 'actor',
	targets: 'target',
	reports: 'report_id'
};
