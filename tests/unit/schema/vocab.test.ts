import { describe, expect, it } from 'vitest';
import {
	RAQIB_EXTENSIONS,
	TABLE_COLUMNS,
	TABLE_KEYS,
	TABLE_NAMES
} from '../../../src/lib/schema/tables';
import {
	ACLED_2024_COLUMNS,
	ACLED_ALL_COLUMNS,
	ACLED_CLASSIC_COLUMNS
} from '../../../src/lib/schema/acled';
import { ALL_SUB_EVENT_TYPES, isSubEventOf, SUB_EVENT_TYPES } from '../../../src/lib/schema/vocab';

describe('vocabularies', () => {
	it('nest ACLED sub-event types under their event types', () => {
		expect(isSubEventOf('Battles', 'Government regains territory')).toBe(true);
		expect(isSubEventOf('Battles', 'Air/drone strike')).toBe(false);
		expect(isSubEventOf('Nonsense', 'Other')).toBe(false);
		const all = Object.values(SUB_EVENT_TYPES).flat();
		expect(new Set(all).size).toBe(all.length);
		expect(ALL_SUB_EVENT_TYPES).toHaveLength(all.length);
	});
});

describe('table specs', () => {
	it('hold the key, the dataset, every ACLED column of both layouts, then the Raqib extensions', () => {
		const names = TABLE_COLUMNS.incidents.map((c) => c.name);
		expect(names.slice(0, 2)).toEqual(['incident_id', 'dataset']);
		expect(names.slice(2, 2 + ACLED_ALL_COLUMNS.length)).toEqual(ACLED_ALL_COLUMNS);
		expect(ACLED_CLASSIC_COLUMNS).toHaveLength(31);
		expect(ACLED_2024_COLUMNS).toHaveLength(31);
		for (const c of ACLED_2024_COLUMNS) expect(names).toContain(c);
		expect(names.slice(2 + ACLED_ALL_COLUMNS.length)).toEqual(['place_id', ...RAQIB_EXTENSIONS]);
	});

	it('give every enum column its values and every table a required key column', () => {
		for (const name of TABLE_NAMES) {
			const cols = TABLE_COLUMNS[name];
			for (const c of cols)
				if (c.type === 'enum') expect(c.values?.length, c.name).toBeGreaterThan(0);
			expect(cols.find((c) => c.name === TABLE_KEYS[name])?.required).toBe(true);
		}
	});
});
