import { describe, expect, it } from 'vitest';
import {
	DateOrderTally,
	asciiDigits,
	numericIso,
	readDate,
	type DateReading
} from '../../../src/lib/ingest/acled-dates';

const iso = (cell: string) => {
	const r = readDate(cell, 2026);
	return r.kind === 'date' ? r.iso : r.kind;
};

describe('ACLED date cells', () => {
	it.each([
		['2020-03-21', '2020-03-21'],
		['21 March 2020', '2020-03-21'],
		['01 November 2024', '2024-11-01'],
		['9-May-20', '2020-05-09'],
		['09-Sep-97', '1997-09-09'],
		['3 Sept 2021', '2021-09-03'],
		['٢١ March ٢٠٢٠', '2020-03-21'],
		['۲۰۲۰-۰۳-۲۱', '2020-03-21']
	])('reads %s as %s', (cell, expected) => expect(iso(cell)).toBe(expected));

	it.each(['31 February 2020', '2023-02-29', '32-Jan-20'])('refuses %s as no real date', (cell) =>
		expect(readDate(cell, 2026)).toMatchObject({
			kind: 'bad',
			code: 'not-real-date'
		})
	);

	it.each(['March 2020', '21 Marchember 2020', 'yesterday', '2020/03/21x', ''])(
		'refuses %s as not a date',
		(cell) => expect(readDate(cell, 2026).kind).toBe('bad')
	);

	it('leaves 5/9/2020 to the column and reads it either way once decided', () => {
		const r = readDate('5/9/2020', 2026) as Extract<DateReading, { kind: 'numeric' }>;
		expect(r).toEqual({ kind: 'numeric', first: 5, second: 9, year: 2020 });
		expect(numericIso(r, 'dmy')).toBe('2020-09-05');
		expect(numericIso(r, 'mdy')).toBe('2020-05-09');
		expect(numericIso({ first: 31, second: 2, year: 2020 }, 'mdy')).toBeNull();
	});

	it('converts Arabic-Indic and Extended Arabic-Indic digits', () => {
		expect(asciiDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789 0123456789');
	});
});

describe('day/month order from the whole column', () => {
	const tally = (cells: string[]) => {
		const t = new DateOrderTally();
		cells.forEach((c, i) => t.add(readDate(c, 2026), i + 2));
		return t;
	};

	it('is settled by any day above 12, wherever it is in the column', () => {
		const cells = [...Array.from({ length: 5000 }, () => '5/9/2020'), '25/9/2020'];
		const t = tally(cells);
		expect(t.decision()).toBe('dmy');
		expect(t.dayFirstRow).toBe(5002);
		expect(tally(['5/9/2020', '9/25/2020']).decision()).toBe('mdy');
	});

	it('asks when nothing settles it, reports a contradiction, and stays out of the way otherwise', () => {
		expect(tally(['5/9/2020', '1/2/2021']).decision()).toBe('ask');
		expect(tally(['25/9/2020', '9/25/2020']).decision()).toBe('conflict');
		expect(tally(['2020-09-05', '21 March 2020']).decision()).toBeNull();
	});
});
