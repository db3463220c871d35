import { describe, expect, it } from 'vitest';
import { checkRecords } from '../../../src/lib/db/store-record';

const good = (id: number, extra: Record<string, unknown> = {}) => ({
	id,
	file: `f${id}.csv`,
	time: '2026-11-29T10:00:00.000Z',
	table: 'incidents',
	mode: 'upsert',
	rows: 3,
	data: new Blob(['a\n']),
	delimiter: ',',
	newLine: '\n',
	...extra
});

describe('saved-upload records read back from browser storage', () => {
	it('keeps records of the saved shape, in id order', () => {
		const { uploads, skipped } = checkRecords([good(3), good(1)]);
		expect(uploads.map((u) => u.id)).toEqual([1, 3]);
		expect(skipped).toEqual([]);
	});

	it('skips each damaged record, naming it and the first field that is wrong', () => {
		const { uploads, skipped } = checkRecords([
			good(1),
			null,
			[good(9)],
			'text',
			good(2, { data: 'not a blob' }),
			good(4, { mode: 'merge-all' }),
			good(5, { rows: -1 }),
			good(6, { time: 'yesterday' }),
			good(7, { mode: 'create' }),
			good(8, { extra: { data: new Blob([]), columns: [1] } }),
			{ id: 10 },
			good(11, { entries: { actors: [] } }),
			good(12, { newLine: '\t' })
		]);
		expect(uploads.map((u) => u.id)).toEqual([1]);
		expect(skipped).toEqual([
			{ id: null, file: null, field: '' },
			{ id: null, file: null, field: '' },
			{ id: null, file: null, field: '' },
			{ id: 2, file: 'f2.csv', field: 'data' },
			{ id: 4, file: 'f4.csv', field: 'mode' },
			{ id: 5, file: 'f5.csv', field: 'rows' },
			{ id: 6, file: 'f6.csv', field: 'time' },
			{ id: 7, file: 'f7.csv', field: 'types' },
			{ id: 8, file: 'f8.csv', field: 'extra' },
			{ id: 10, file: null, field: 'file' },
			{ id: 11, file: 'f11.csv', field: 'entries' },
			{ id: 12, file: 'f12.csv', field: 'newLine' }
		]);
	});

	it('accepts a created table with its types, and records saved before the dialect was kept', () => {
		const created = good(1, { mode: 'create', table: 'fuel', types: { a: 'VARCHAR' } });
		const old = good(2);
		delete (old as Partial<typeof old>).delimiter;
		delete (old as Partial<typeof old>).newLine;
		expect(checkRecords([created, old]).uploads).toHaveLength(2);
	});
});

describe('a saved upload’s typed (Arrow) copy', () => {
	const snapshot = {
		format: 'arrow-ipc',
		schema: new Blob(['s']),
		parts: [new Blob(['p'])],
		rows: 3,
		columns: ['incident_id'],
		bytes: 2
	};

	it('is kept when it has the shape the app writes', () => {
		const { uploads } = checkRecords([good(1, { snapshot })]);
		expect(uploads[0]!.snapshot).toEqual(snapshot);
	});

	it('is dropped when damaged, and the upload itself is still replayed (from its text)', () => {
		const { uploads, skipped } = checkRecords([
			good(1, { snapshot: { ...snapshot, parts: ['not a blob'] } }),
			good(2, { snapshot: 'nonsense' }),
			good(3, { snapshot: { ...snapshot, columns: undefined } })
		]);
		expect(uploads.map((u) => [u.id, 'snapshot' in u])).toEqual([
			[1, false],
			[2, false],
			[3, false]
		]);
		expect(skipped).toEqual([]);
	});
});
