import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { Failure, parseFile, type Validate } from '../../../src/lib/ingest/pipeline';
import { validateTable } from '../../../src/lib/ingest/validate';
import type { ParseOptions } from '../../../src/lib/ingest/types';
import { TABLE_COLUMNS } from '../../../src/lib/schema/tables';
import { PNG, utf16, windows1256, withBom } from '../../fixtures/make';
import { problemText } from '../../../src/lib/i18n/problems';

const shipped = Papa.parse<string[]>(readFileSync('data/incidents.csv', 'utf8').trimEnd()).data;
const HEADER = TABLE_COLUMNS.incidents.map((c) => c.name);
/** A real shipped row (DEZ-2018-0001, 2018-02-07) under another id of the same year. */
const at = (name: string) => HEADER.indexOf(name);
const NOTES = at('notes');
const ROW = (n: number, date?: string) => {
	const row = [...shipped[1]!];
	row[at('incident_id')] = row[at('event_id_cnty')] = `DEZ-2018-${String(n).padStart(4, '0')}`;
	if (date) row[at('event_date')] = date;
	return row;
};
const csv = (rows: string[][], eol = '\n') =>
	rows.map((r) => r.map(quote).join(',')).join(eol) + eol;
const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
const file = (data: BlobPart, name = 'test.csv') => new File([data], name);

const validateDates: Validate = validateTable;

async function failure(f: File, options: ParseOptions = {}) {
	try {
		await parseFile(f, options, validateDates);
	} catch (e) {
		expect(e).toBeInstanceOf(Failure);
		return (e as Failure).failure;
	}
	throw new Error('expected the parse to fail');
}

describe('parsing an upload', () => {
	it('passes a clean incidents file through as it is, with preview and row count', async () => {
		const s = await parseFile(file(csv([HEADER, ROW(1001), ROW(1002)])), {}, validateDates);
		expect(s).toMatchObject({
			kind: 'incidents',
			encoding: 'utf-8',
			rows: 2,
			errors: 0,
			output: null
		});
		expect(s.preview[1]![0]).toBe('DEZ-2018-1002');
		expect(s.preview[0]![NOTES]).toBe(shipped[1]![NOTES]);
	});

	it('strips a UTF-8 BOM from the first header name and reads the Arabic', async () => {
		const row = ROW(1001);
		row[NOTES] = 'قصف مستودعات عياش';
		const s = await parseFile(file(withBom(csv([HEADER, row], '\r\n'))), {}, validateDates);
		expect(s.bom).toBe(3);
		expect(s.header[0]).toBe('incident_id');
		expect(s.preview[0]![NOTES]).toBe('قصف مستودعات عياش');
	});

	it('reads Windows-1256 and UTF-16 files and writes them out as UTF-8', async () => {
		const row = ROW(1001);
		row[NOTES] = 'قصف عياش';
		for (const bytes of [
			windows1256(csv([HEADER, row])),
			utf16(csv([HEADER, row]), 'le'),
			utf16(csv([HEADER, row]), 'be')
		]) {
			const s = await parseFile(file(bytes), {}, validateDates);
			expect(s.preview[0]![NOTES]).toBe('قصف عياش');
			expect(await s.output!.text()).toBe(csv([HEADER, row]));
		}
	});

	it('maps an ACLED-style file, resolves place names and lists unknown actors', async () => {
		const header = ['event_id_cnty', 'event_date', 'event_type', 'actor1', 'location', 'year'];
		const row = ['X-1', '2023-01-02', 'Battles', 'Mystery group', 'Ayyash', '2023'];
		const s = await parseFile(
			file(csv([header, row]), 'acled.csv'),
			{
				known: {
					actors: ['US-led coalition'],
					targets: [],
					places: ['ayyash'],
					reports: [],
					placeNames: [['Ayyash', 'ayyash']],
					targetTypes: [],
					reportMeta: []
				}
			},
			validateDates
		);
		expect(s.kind).toBe('incidents');
		// ACLED's columns are incidents' own; the id and the place follow from them.
		expect(s.mapping).toEqual(header);
		expect(s.preview[0]![HEADER.indexOf('incident_id')]).toBe('X-1');
		expect(s.notes).toContainEqual({
			key: 'detected',
			table: 'incidents',
			value: 'incident_id ← event_id_cnty, event_date, event_type'
		});
		expect(s.preview[0]![HEADER.indexOf('place_id')]).toBe('ayyash');
		expect(s.unknown).toEqual([{ table: 'actors', value: 'Mystery group', row: 2, count: 1 }]);
		expect(s.output).not.toBeNull();
	});

	it('reports ragged rows and validator problems with file, row and column, in a file read in many chunks', async () => {
		const rows = [HEADER, ...Array.from({ length: 3000 }, (_, i) => ROW(i + 1))];
		rows.push(ROW(9999, '2018-02-30'));
		rows.splice(10, 0, ['too', 'short']);
		const s = await parseFile(file(csv(rows)), {}, validateDates, undefined, 4096);
		expect(s.errors).toBe(2);
		expect(s.issues).toEqual([
			expect.objectContaining({
				file: 'test.csv',
				row: 11,
				code: 'cell-count',
				params: { cells: 2, width: HEADER.length }
			}),
			expect.objectContaining({ row: 3003, column: 'event_date', value: '2018-02-30' })
		]);
	});

	it('keeps chosen extra columns, with the row key, for the side table', async () => {
		const header = [...HEADER, 'Source URL', 'coder'];
		const rows = [
			header,
			[...ROW(1001), 'https://example.org/a', 'sa'],
			[...ROW(1002), 'b, c', 'ra']
		];
		const s = await parseFile(file(csv(rows)), { keep: ['source_url'] }, validateDates);
		expect(s.extra?.columns).toEqual(['Source URL']);
		expect(await s.extra!.output.text()).toBe(
			'incident_id,Source URL\nDEZ-2018-1001,https://example.org/a\nDEZ-2018-1002,"b, c"\n'
		);
		expect(s.output).not.toBeNull();
	});

	it('finds ids repeated across chunks', async () => {
		const rows = [HEADER, ...Array.from({ length: 500 }, (_, i) => ROW(i + 1)), ROW(2)];
		const s = await parseFile(file(csv(rows)), {}, validateDates, undefined, 2048);
		expect(s.issues.filter((i) => i.severity === 'error')).toEqual([
			expect.objectContaining({
				row: 502,
				column: 'incident_id',
				code: 'duplicate-id',
				params: { first: 3 }
			})
		]);
	});

	it('takes any other CSV as a new table, left for DuckDB to read', async () => {
		const s = await parseFile(
			file('city;price\nDeir ez-Zor;"1,5"\n', 'prices.csv'),
			{},
			validateDates
		);
		expect(s).toMatchObject({
			kind: 'table',
			delimiter: ';',
			rows: 1,
			output: null,
			header: ['city', 'price']
		});
		expect(s.preview).toEqual([['Deir ez-Zor', '1,5']]);
	});

	it('reports ragged rows of any other CSV by row, and converts it to UTF-8 when needed', async () => {
		const s = await parseFile(
			file(windows1256('مدينة,سعر\r\nالميادين,2\r\nهجين\r\n'), 'prices.csv'),
			{},
			validateDates
		);
		expect(s).toMatchObject({ kind: 'table', encoding: 'windows-1256', rows: 2, errors: 1 });
		expect(s.issues[0]).toMatchObject({
			row: 3,
			code: 'cell-count',
			params: { cells: 1, width: 2 }
		});
		expect(problemText(s.issues[0]!)).toBe('has 1 cells; the header has 2');
		// Written again as UTF-8 with the explicit dialect DuckDB is given for it.
		expect(await s.output!.text()).toBe('مدينة,سعر\nالميادين,2\nهجين\n');
		expect(s.load).toEqual({ delimiter: ',', newLine: '\n' });
	});

	it('refuses bad files with a reason, row and column', async () => {
		expect(await failure(file(''))).toMatchObject({ code: 'empty', file: 'test.csv' });
		expect(await failure(file('\n\n'))).toMatchObject({ code: 'empty' });
		expect(await failure(file(PNG, 'photo.csv'))).toMatchObject({
			code: 'binary',
			file: 'photo.csv'
		});
		expect(await failure(file(csv([HEADER])))).toMatchObject({ code: 'no-rows' });
		expect(await failure(file('a,b\n'))).toMatchObject({ code: 'no-rows' });
		expect(await failure(file('a,b,A\n1,2,3\n'))).toMatchObject({
			code: 'duplicate-header',
			column: 'a',
			detail: '1, 3'
		});
		expect(await failure(file(csv([HEADER, ROW(1003)]) + 'D-2,"2022-01-01,1\n'))).toMatchObject({
			code: 'unterminated-quote',
			row: 3
		});
		expect(
			await failure(file(new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0xe9, 0x0a])), {
				encoding: 'utf-8'
			})
		).toMatchObject({ code: 'decode' });
	});

	it('stops at a 50 MB line with a clear reason', async () => {
		const line = 'x'.repeat(50 * 1024 * 1024);
		expect(await failure(file(`a,b\n${line}\n`))).toMatchObject({ code: 'row-too-long', row: 2 });
	});
});
