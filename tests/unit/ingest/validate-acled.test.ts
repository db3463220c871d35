import { describe, expect, it } from 'vitest';
import { validateTable } from '../../../src/lib/ingest/validate';
import { INCIDENT_COLUMNS } from '../../../src/lib/schema/tables';

const HEADER = INCIDENT_COLUMNS.map((c) => c.name);

/** An imported ACLED row (classic layout values), Raqib-only fields empty. */
function acledRow(over: Record<string, string> = {}): string[] {
	const base: Record<string, string> = {
		incident_id: 'AFG12345',
		dataset: 'afghanistan.csv',
		event_id_cnty: 'AFG12345',
		event_date: '2020-03-21',
		year: '2020',
		time_precision: '1',
		event_type: 'Battles',
		sub_event_type: 'Armed clash',
		actor1: 'Taliban',
		inter1: '2',
		actor2: 'Military Forces of Afghanistan (2014-2021)',
		inter2: '1',
		interaction: '12',
		country: 'Afghanistan',
		admin1: 'Kandahar',
		location: 'Kandahar',
		latitude: '31.6133',
		longitude: '65.7101',
		geo_precision: '1',
		source: 'Xinhua; Khaama Press',
		notes: 'Clash.',
		fatalities: '3',
		place_id: 'kandahar'
	};
	const row = { ...base, ...over };
	return HEADER.map((h) => row[h] ?? '');
}

const check = (rows: string[][], origin: 'acled' | 'raqib' = 'acled') =>
	validateTable('incidents', HEADER, rows, { file: 'a.csv', origin, today: '2026-11-29' }).filter(
		(i) => i.severity === 'error'
	);

describe('imported ACLED rows are checked against ACLED, not Raqib', () => {
	it('accept a row with every Raqib-only field empty (not coded), 2024 inter text too', () => {
		expect(check([acledRow()])).toEqual([]);
		expect(check([acledRow({ inter1: 'Rebel groups', inter2: 'State forces' })])).toEqual([]);
		// The same row as Raqib's own coding would lack evidence, certainty, outcome…
		expect(check([acledRow()], 'raqib').map((i) => i.column)).toEqual(
			expect.arrayContaining(['actor1_certainty', 'outcome', 'injuries', 'evidence'])
		);
	});

	it.each([
		['a sub-event of another type', { sub_event_type: 'Air/drone strike' }, 'sub_event_type'],
		['an inter code out of range', { inter1: '9' }, 'inter1'],
		['inter text ACLED does not use', { inter2: 'Aliens' }, 'inter2'],
		['time precision 4', { time_precision: '4' }, 'time_precision'],
		['geo precision 0', { geo_precision: '0' }, 'geo_precision'],
		['latitude out of range', { latitude: '91.2' }, 'latitude'],
		['longitude out of range', { longitude: '-181' }, 'longitude'],
		['negative fatalities', { fatalities: '-1' }, 'fatalities'],
		['fractional fatalities', { fatalities: '2.5' }, 'fatalities'],
		['no event id', { event_id_cnty: '' }, 'event_id_cnty'],
		['a year that is not the date', { year: '2019' }, 'year']
	])('flag %s', (_, over, column) => {
		expect(check([acledRow(over)]).map((i) => i.column)).toEqual([column]);
	});
});
