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
				problem: 'too long',
				severity: 'error'
			},
			{
				file: 'x.csv',
				row: 3,
				column: 'fatalities',
				value: '-5',
				problem: 'below 0',
				severity: 'error'
			}
		]);
		const rows = Papa.parse<string[]>(text.trimEnd()).data;
		expect(rows[0]).toEqual(['file', 'row', 'column', 'value', 'problem', 'severity']);
		expect(rows[1]).toEqual([
			'x.csv',
			'12',
			'notes',
			`'=HYPERLINK("http://example.invalid")`,
			'too long',
			'error'
		]);
		expect(rows[2]![3]).toBe('-5');
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
