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
	/** float: stored as DECIMAL with this many decimals, printed with all of them (ACLED's coordinates). */
	scale?: number;
	/** incidents: the cell must not be empty on a row imported from an ACLED export. */
	acledRequired?: boolean;
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

type Extra = Pick<ColumnSpec, 'values' | 'min' | 'max' | 'scale'>;

const col = (name: string, type: ColumnType, required = false, extra: Extra = {}): ColumnSpec => ({
	name,
	type,
	required,
	...extra
});
/** An incidents column every ACLED export fills on every row. */
const acled = (spec: ColumnSpec): ColumnSpec => ({ ...spec, acledRequired: true });
const en = (name: string, values: readonly string[], required = false): ColumnSpec =>
	col(name, 'enum', required, { values });

/**
 * incidents: ACLED's columns natively (both export layouts, see acled.ts),
 * between Raqib's key and dataset in front and Raqib's coding extensions behind.
 * `required` is the rule for Raqib-coded rows; `acledRequired` the rule for
 * rows imported from an ACLED export (validated against ACLED's codebook,
 * their Raqib-only extensions NULL = "not coded").
 */
export const INCIDENT_COLUMNS: readonly ColumnSpec[] = [
	col('incident_id', 'string', true),
	col('dataset', 'string', true),
	// ACLED, classic order with the 2024 additions (disorder_type, civilian_targeting, tags).
	col('data_id', 'int', false, { min: 0 }),
	col('iso', 'int', false, { min: 0, max: 999 }),
	acled(col('event_id_cnty', 'string')),
	col('event_id_no_cnty', 'int', false, { min: 0 }),
	acled(col('event_date', 'date', true)),
	col('year', 'int', false, { min: 1900, max: 2100 }),
	acled(col('time_precision', 'int', true, { min: 1, max: 3 })),
	col('disorder_type', 'string'),
	acled(en('event_type', EVENT_TYPES, true)),
	acled(en('sub_event_type', ALL_SUB_EVENT_TYPES, true)),
	acled(col('actor1', 'string', true)),
	col('assoc_actor_1', 'list'),
	// Inter codes as written: '1' (classic) or 'State forces' (2024); checked by ingest.
	col('inter1', 'string'),
	col('actor2', 'string'),
	col('assoc_actor_2', 'list'),
	col('inter2', 'string'),
	col('interaction', 'string'),
	col('civilian_targeting', 'string'),
	col('region', 'string'),
	acled(col('country', 'string')),
	col('admin1', 'string'),
	col('admin2', 'string'),
	col('admin3', 'string'),
	acled(col('location', 'string')),
	// ACLED writes coordinates to four decimal places: stored as DECIMAL(9,4), they print as written.
	acled(col('latitude', 'float', false, { min: -90, max: 90, scale: 4 })),
	acled(col('longitude', 'float', false, { min: -180, max: 180, scale: 4 })),
	acled(col('geo_precision', 'int', false, { min: 1, max: 3 })),
	col('source', 'string'),
	col('source_scale', 'string'),
	col('notes', 'string', true),
	acled(col('fatalities', 'int', true, { min: 0 })),
	col('tags', 'string'),
	col('timestamp', 'int', false, { min: 0 }),
	col('iso3', 'string'),
	// Raqib's coding extensions: NULL on imported rows ("not coded").
	col('place_id', 'string', true),
	en('actor1_certainty', CERTAINTIES, true),
	// target and weapon are required for attacks only (see ingest/validate-incidents.ts).
	col('target', 'string'),
	en('target_type', TARGET_TYPES),
	en('weapon', WEAPONS),
	en('outcome', OUTCOMES, true),
	col('injuries', 'int', true, { min: 0 }),
	col('source_ids', 'list', true),
	col('evidence', 'string', true),
	col('date_note', 'string')
];

/** Raqib's own coding columns beside ACLED's (NULL on imported rows: not coded). */
export const RAQIB_EXTENSIONS = [
	'actor1_certainty',
	'target',
	'target_type',
	'weapon',
	'outcome',
	'injuries',
	'source_ids',
	'evidence',
	'date_note'
] as const;

export const PLACE_COLUMNS: readonly ColumnSpec[] = [
	col('place_id', 'string', true),
	col('name_en', 'string', true),
	// Required for places Raqib codes (validate-rows.ts); empty on places an import creates.
	col('name_ar', 'string'),
	col('latitude', 'float', true, { min: -90, max: 90 }),
	col('longitude', 'float', true, { min: -180, max: 180 }),
	col('geo_precision', 'int', true, { min: 1, max: 3 }),
	col('admin1', 'string', true),
	col('admin2', 'string'),
	en('bank', BANKS),
	// Filled by imports (ACLED's admin3 and country); empty for the shipped gazetteer.
	col('admin3', 'string'),
	col('country', 'string')
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

/** incidents.dataset of the rows Raqib ships (data/incidents.csv). */
export const SHIPPED_DATASET = 'Raqib';
/** incidents.dataset of Raqib-coded rows a user uploads without a dataset of their own. */
export const OWN_CODING_DATASET = 'Own coding';
