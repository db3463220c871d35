/**
 * The columns of every table Raqib ships, in file order: the codebook
 * (data/README.md) in code. The loader (src/lib/db), the validator
 * (src/lib/ingest) and the downloads all read this one list.
 * Keep the exports TableName, ColumnType, ColumnSpec, TABLE_COLUMNS.
 */

/** How a CSV cell is read: list = ';'-separated text, enum = closed vocabulary (see vocab.ts). */
export type ColumnType = 'string' | 'int' | 'float' | 'date' | 'enum' | 'list';

export interface ColumnSpec {
	name: string;
	type: ColumnType;
	required: boolean;
}

export type TableName = 'incidents' | 'places' | 'actors' | 'targets' | 'reports';

const col = (name: string, type: ColumnType, required = false): ColumnSpec => ({
	name,
	type,
	required
});

export const TABLE_COLUMNS: Record<TableName, readonly ColumnSpec[]> = {
	incidents: [
		col('incident_id', 'string', true),
		col('event_date', 'date', true),
		col('time_precision', 'int', true),
		col('date_note', 'string'),
		col('event_type', 'enum', true),
		col('sub_event_type', 'enum', true),
		col('actor1', 'string', true),
		col('actor1_certainty', 'enum', true),
		col('assoc_actor_1', 'list'),
		col('actor2', 'string'),
		col('target', 'string'),
		col('target_type', 'enum'),
		col('weapon', 'enum', true),
		col('outcome', 'enum', true),
		col('place_id', 'string', true),
		col('fatalities', 'int', true),
		col('injuries', 'int', true),
		col('source_ids', 'list', true),
		col('evidence', 'string', true),
		col('notes', 'string', true)
	],
	places: [
		col('place_id', 'string', true),
		col('name_en', 'string', true),
		col('name_ar', 'string', true),
		col('latitude', 'float', true),
		col('longitude', 'float', true),
		col('geo_precision', 'int', true),
		col('admin1', 'string', true),
		col('admin2', 'string'),
		col('bank', 'enum')
	],
	actors: [
		col('actor', 'string', true),
		col('name_ar', 'string'),
		col('side', 'enum', true),
		col('acled_inter', 'int', true),
		col('description', 'string')
	],
	targets: [
		col('target', 'string', true),
		col('name_ar', 'string'),
		col('target_type', 'enum', true),
		col('place_id', 'string'),
		col('operator', 'string')
	],
	reports: [
		col('report_id', 'string', true),
		col('file', 'string', true),
		col('outlet', 'string', true),
		col('outlet_ar', 'string'),
		col('published', 'date', true),
		col('date_confidence', 'enum', true),
		col('notes', 'string')
	]
};
