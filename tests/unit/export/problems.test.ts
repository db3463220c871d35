import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { problemsCsv } from '../../../src/lib/export/problems';
import { csvText } from '../../../src/lib/charts/export';
import { restore } from '../../../src/lib/csv/spreadsheet-safe';

describe('every CSV Raqib writes is spreadsheet-safe', () => {
	it('the problems CSV marks formula-like values from the file and keeps row numbers', () => {
		const text = problemsCsv([
			{
				file: 'x.csv',
				row: 12,
				column: 'notes',
				value: '=HYPERLINK("http://example.invalid")',
				code: 'not-in-vocab',
				params: { values: ['yes', 'no'] },
				severity: 'error'
			},
			{
				file: 'x.csv',
				row: 3,
				column: 'fatalities',
				value: '-5',
				code: 'below-min',
				params: { min: 0 },
				severity: 'error'
			}
		]);
		const rows = Papa.parse<string[]>(text.trimEnd()).data;
		expect(rows[0]).toEqual(['file', 'row', 'column', 'value', 'code', 'problem', 'severity']);
		expect(rows[1]).toEqual([
			'x.csv',
			'12',
			'notes',
			`'=HYPERLINK("http://example.invalid")`,
			'not-in-vocab',
			'is not one of: yes, no',
			'error'
		]);
		expect(rows[2]![3]).toBe('-5');
		expect(rows[2]!.slice(4, 6)).toEqual(['below-min', 'must be ≥ 0']);
		expect(restore(rows[1]![3]!)).toBe('=HYPERLINK("http://example.invalid")');
	});

	it("a chart's CSV marks names from the data, leaves counts as numbers", () => {
		const text = csvText(
			[
				{ key: 'name', label: 'Actor' },
				{ key: 'n', label: 'Attacks' }
			],
			[
				{ name: '@evil', n: 3 },
				{ name: '＝1+1', n: -1 },
				{ name: 'SDF', n: 2 }
			]
		);
		expect(text.split('\r\n')).toEqual(['Actor,Attacks', "'@evil,3", "'＝1+1,-1", 'SDF,2']);
	});
});
