import { describe, expect, it } from 'vitest';
import { forgetKeys, inventory, raqibKeys, type KeyStorage } from '../../../src/lib/state/forget';

function storage(entries: Record<string, string>): KeyStorage & { data: Map<string, string> } {
	const data = new Map(Object.entries(entries));
	return {
		data,
		get length() {
			return data.size;
		},
		key: (i) => [...data.keys()][i] ?? null,
		getItem: (k) => data.get(k) ?? null,
		removeItem: (k) => void data.delete(k)
	};
}

describe('forget everything', () => {
	it('counts what Raqib keeps, damaged entries as one each', () => {
		const s = storage({
			'raqib.sql.history': JSON.stringify([{ sql: 'a' }, { sql: 'b' }, null]),
			'raqib.sql.saved': '{not json',
			'raqib.views.v1': JSON.stringify({
				format: 'raqib-views',
				version: 1,
				views: [{ name: 'x' }]
			}),
			'raqib.upload.mapping': JSON.stringify({
				incidents: { a: 'b', c: null },
				places: { d: 'e' }
			}),
			'raqib.locale': 'ar',
			'raqib:test-hooks': '1',
			other: 'x'
		});
		expect(inventory(s)).toEqual({ history: 3, queries: 1, views: 1, mappings: 3, settings: 1 });
		expect(inventory(storage({}))).toEqual({
			history: 0,
			queries: 0,
			views: 0,
			mappings: 0,
			settings: 0
		});
	});

	it('removes every key Raqib wrote, and nothing else', () => {
		const s = storage({
			'raqib.sql.history': '[]',
			'raqib.digits': 'latn',
			'raqib.views.v1': '{}',
			'raqib:test-hooks': '1',
			other: 'x'
		});
		forgetKeys(s);
		expect([...s.data.keys()]).toEqual(['raqib:test-hooks', 'other']);
		expect(raqibKeys(s)).toEqual([]);
	});
});
