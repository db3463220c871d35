import { describe, expect, it } from 'vitest';
import { TABLE_COLUMNS, TABLE_KEYS, TABLE_NAMES } from '../../../src/lib/schema/tables';
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
	it('list the conventional incident columns in order', () => {
		expect(TABLE_COLUMNS.incidents.map((c) => c.name).join(',')).toBe(
			'incident_id,event_date,time_precision,date_note,event_type,sub_event_type,actor1,actor1_certainty,assoc_actor_1,actor2,target,target_type,weapon,outcome,place_id,fatalities,injuries,source_ids,evidence,notes'
		);
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
