import { describe, expect, it } from 'vitest';
import {
	detectTable,
	duplicateNames,
	mapHeader,
	tableNameFor
} from '../../../src/lib/ingest/headers';
import { TABLE_COLUMNS } from '../../../src/lib/schema/tables';

const incidentColumns = TABLE_COLUMNS.incidents.map((c) => c.name);

describe('header mapping', () => {
	it('maps our own names whatever their case and spacing', () => {
		expect(mapHeader(['Incident ID', ' EVENT_DATE ', 'Notes'], 'incidents')).toEqual([
			'incident_id',
			'event_date',
			'notes'
		]);
	});

	it('maps an ACLED export onto the ACLED columns incidents holds', () => {
		const acled = [
			'event_id_cnty',
			'event_date',
			'event_type',
			'year',
			'actor1',
			'actor2',
			'location',
			'latitude',
			'fatalities',
			'notes',
			'source',
			'sub_event_type'
		];
		// ACLED's columns are incidents' own: each maps onto itself, `source` stays outlets.
		expect(mapHeader(acled, 'incidents')).toEqual(acled);
		expect(detectTable(acled)?.table).toBe('incidents');
		expect(detectTable(acled)?.because).toEqual([
			'incident_id ← event_id_cnty',
			'event_date',
			'event_type'
		]);
	});

	it('lets exact names win over aliases and uses remembered choices', () => {
		expect(mapHeader(['id', 'incident_id'], 'incidents')).toEqual([null, 'incident_id']);
		expect(mapHeader(['Killed'], 'incidents', { killed: null })).toEqual([null]);
		expect(mapHeader(['Casualties'], 'incidents', { casualties: 'fatalities' })).toEqual([
			'fatalities'
		]);
	});

	it('recognises every codebook table by its header, and nothing else', () => {
		for (const [table, cols] of Object.entries(TABLE_COLUMNS))
			expect(detectTable(cols.map((c) => c.name))?.table).toBe(table);
		expect(detectTable(incidentColumns)?.table).toBe('incidents');
		expect(detectTable(['id', 'price', 'city'])).toBeNull();
		// An id and a date alone are any CSV: the incident key columns include the event type.
		expect(detectTable(['id', 'date', 'actor1', 'notes'])).toBeNull();
		expect(detectTable(['id', 'date', 'event_type', 'notes'])).toBeNull();
		expect(detectTable(['id', 'date', 'name', 'notes', 'file'])).toBeNull();
		expect(detectTable(['incident_id', 'event_date', 'event_type'])?.table).toBe('incidents');
	});

	it('finds duplicate names', () => {
		expect(duplicateNames(['a', 'B', 'b ', 'c'])).toEqual([{ name: 'B', columns: [2, 3] }]);
	});

	it('sanitises file names into table names', () => {
		expect(tableNameFor('My Sales (2024).csv')).toBe('my_sales_2024');
		expect(tableNameFor('2024 prices.CSV')).toBe('t_2024_prices');
		expect(tableNameFor('بيانات.csv')).toBe('upload');
	});
});
