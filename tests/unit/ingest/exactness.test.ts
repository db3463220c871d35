/**
 * The handed-over exactness cases (tests/fixtures/exactness, from
 * shared/cases/exactness) and a second input of each kind, run through the
 * worker's parse and native DuckDB's staging as an upload runs them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { Failure } from '../../../src/lib/ingest/pipeline';
import { spreadsheetRow } from '../../../src/lib/ingest/rows';
import { changedValues } from '../../../src/lib/db/exact';
import { INCIDENT_COLUMNS } from '../../../src/lib/schema/tables';
import { NodeConnector, shippedConnector } from '../support/node-connector';
import { fileOf, uploadThrough } from '../support/upload-through';
import { utf16 } from '../../fixtures/make';

const fixture = (name: string) =>
	new File([readFileSync(`tests/fixtures/exactness/${name}`)], name);

async function failureOf(promise: Promise<unknown>) {
	const error = await promise.catch((e: unknown) => e);
	expect(error).toBeInstanceOf(Failure);
	return (error as Failure).failure;
}

/** Windows-1252 bytes for Latin text (Node's TextEncoder writes UTF-8 only). */
function windows1252(text: string): Uint8Array<ArrayBuffer> {
	const decoder = new TextDecoder('windows-1252');
	const table = new Map<string, number>();
	for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
	return new Uint8Array([...text].map((ch) => table.get(ch)!));
}

describe('encodings decided from the whole file', () => {
	it('u03: Windows-1256 whose first Arabic byte is at 84,559 is read as such, with a note', async () => {
		const conn = await NodeConnector.open();
		const { summary, rows } = await uploadThrough(conn, fixture('u03_cp1256_late_arabic.csv'));
		expect(summary.encoding).toBe('windows-1256');
		expect(summary.notes).toContainEqual({
			key: 'encoding-late',
			value: 'windows-1256',
			byte: 84_559
		});
		expect(rows).toHaveLength(2634);
		expect(rows[2629]).toEqual(['2629', 'الميادين', 'قصف مدفعي على الميادين 0']);
		// Told it is UTF-8, the error names the exact byte that failed.
		const forced = await failureOf(
			uploadThrough(conn, fixture('u03_cp1256_late_arabic.csv'), { encoding: 'utf-8' })
		);
		expect(forced).toMatchObject({ code: 'decode', detail: 'utf-8@84559' });
	});

	it('the same kind: late Windows-1252 Latin, and UTF-16 without a byte-order mark', async () => {
		const conn = await NodeConnector.open();
		const ascii = Array.from({ length: 6000 }, (_, i) => `${i},Paris,plain row ${i}`);
		const text = ['row,town,remark', ...ascii, '6000,Zürich,Café crème ÉTÉ', ''].join('\r\n');
		const latin = await uploadThrough(conn, fileOf(windows1252(text), 'latin.csv'), {}, 65536);
		expect(latin.summary.encoding).toBe('windows-1252');
		expect(latin.rows.at(-1)).toEqual(['6000', 'Zürich', 'Café crème ÉTÉ']);
		const wide = utf16('city,remark\nحلب,سوق\nHajin,x\n', 'le').slice(2);
		const le = await uploadThrough(conn, fileOf(wide, 'wide.csv'));
		expect(le.summary.encoding).toBe('utf-16le');
		expect(le.rows).toEqual([
			['حلب', 'سوق'],
			['Hajin', 'x']
		]);
	});
});

describe('not a text file, wherever the NUL is', () => {
	it('gives the same answer, with byte and row, at byte 100 and at 80 KB', async () => {
		const lines = Array.from({ length: 10_000 }, (_, i) => `${i},row ${i}`);
		for (const at of [100, 80 * 1024]) {
			const text = ['n,remark', ...lines].join('\n') + '\n';
			const bytes = new TextEncoder().encode(text);
			bytes[at] = 0;
			const row = text.slice(0, at).split('\n').length;
			const f = await failureOf(uploadThrough(await NodeConnector.open(), fileOf(bytes), {}, 4096));
			expect(f).toEqual({ file: 'test.csv', code: 'binary', row, detail: String(at) });
		}
	});
});

describe('line endings', () => {
	for (const name of ['u05_mixed_lf_crlf.csv', 'u05b_mixed_lf_crlf_semicolon.csv'])
		it(`${name}: loads, and no value keeps a carriage return`, async () => {
			const conn = await shippedConnector();
			const { summary, rows } = await uploadThrough(conn, fixture(name));
			expect(summary.errors).toBe(0);
			expect(summary.notes).toContainEqual({ key: 'mixed-endings', value: 'LF ×1, CRLF ×2' });
			expect(rows).toHaveLength(2);
			expect(rows.flat().some((v) => v?.includes('\r'))).toBe(false);
			expect(rows[0]![INCIDENT_COLUMNS.findIndex((c) => c.name === 'notes')]).toBe(
				'note five no comma'
			);
		});

	it('the same kind: CR-only lines among LF, a quoted CRLF kept as written', async () => {
		const conn = await NodeConnector.open();
		const text = 'a;b\n1;x\r2;"two\r\nlines"\r\n3;z';
		const { rows } = await uploadThrough(conn, fileOf(text, 'mixed.csv'));
		expect(rows).toEqual([
			['1', 'x'],
			['2', 'two\r\nlines'],
			['3', 'z']
		]);
	});
});

describe('blank lines and sep=', () => {
	it('skips two blank lines before the header with a note, and whitespace-only lines', async () => {
		const conn = await NodeConnector.open();
		const text = '\n  \ncity,n\nHajin,1\n \t \nMayadin,2\n';
		const { summary, rows } = await uploadThrough(conn, fileOf(text));
		expect(summary.header).toEqual(['city', 'n']);
		expect(summary.notes).toContainEqual({ key: 'blank-before-header', count: 2, row: 3 });
		expect(summary.notes).toContainEqual({ key: 'blank-lines', count: 1 });
		expect(rows).toEqual([
			['Hajin', '1'],
			['Mayadin', '2']
		]);
		// Rows are named as in a spreadsheet: Mayadin is row 6 (the blank row 5 counts).
		expect(spreadsheetRow(2, summary.firstRow, summary.blankRows)).toBe(6);
	});

	it("honours and skips Excel's sep=; line", async () => {
		const conn = await NodeConnector.open();
		const { summary, rows } = await uploadThrough(
			conn,
			fileOf('sep=;\r\ncity;price\r\nHajin;1,5\r\n')
		);
		expect(summary.delimiter).toBe(';');
		expect(summary.header).toEqual(['city', 'price']);
		expect(summary.notes).toContainEqual({ key: 'sep', value: 'sep=;' });
		expect(rows).toEqual([['Hajin', '1,5']]);
	});
});

describe('no comment character', () => {
	it('u12b: a #hashtag row is a row: 4 parsed, 4 stored', async () => {
		const conn = await NodeConnector.open();
		const { summary, rows } = await uploadThrough(conn, fixture('u12b_hashtags_thousands.csv'));
		expect(summary.rows).toBe(4);
		expect(rows).toHaveLength(4);
		expect(rows.map((r) => r[1])).toEqual(['950', '1,200', '40', '2,315']);
	});

	it('the same kind: rows starting with ;, //, % and -- are rows too', async () => {
		const conn = await NodeConnector.open();
		const text = 'tag,n\n;semi,1\n//slash,2\n%pct,3\n--dash,4\n#hash,5\n';
		const { rows } = await uploadThrough(conn, fileOf(text));
		expect(rows.map((r) => r[0])).toEqual([';semi', '//slash', '%pct', '--dash', '#hash']);
	});
});

describe('types that fit every value', () => {
	it('u11: 2.5 at row 24,001 and 0012 at row 24,501 decide DOUBLE and VARCHAR', async () => {
		const conn = await NodeConnector.open();
		const up = await uploadThrough(conn, fixture('u11_past_sample.csv'));
		expect(up.columns).toEqual([
			{ name: 'id', type: 'BIGINT' },
			{ name: 'n', type: 'DOUBLE' },
			{ name: 'code', type: 'VARCHAR' }
		]);
		// An edited type that would change values is refused with the rows named.
		const changed = await changedValues(conn, up.table, 'n', 'BIGINT');
		expect(changed.count).toBe(1);
		const s = up.summary;
		expect(changed.first.map((c) => spreadsheetRow(c.record, s.firstRow, s.blankRows))).toEqual([
			24_001
		]);
		expect(changed.first[0]).toMatchObject({ value: '2.5', stored: '3' });
		const code = await changedValues(conn, up.table, 'code', 'BIGINT');
		expect(code.first[0]).toMatchObject({ value: '0012', stored: '12' });
	});

	it('the same kind: a late non-date, a late over-long decimal and a late leading zero', async () => {
		const conn = await NodeConnector.open();
		const rows = Array.from({ length: 30_000 }, (_, i) => [
			`2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
			`${i}.25`,
			String(i + 1)
		]);
		rows[29_000]![0] = '2024-02-30';
		rows[29_500]![1] = '12345678901234567.5';
		rows[29_999]![2] = '07';
		const text = Papa.unparse([['day', 'amount', 'count'], ...rows]) + '\n';
		const up = await uploadThrough(conn, fileOf(text));
		expect(up.columns.map((c) => c.type)).toEqual(['VARCHAR', 'VARCHAR', 'VARCHAR']);
		expect(up.rows[29_500]![1]).toBe('12345678901234567.5');
		expect(up.rows[29_999]![2]).toBe('07');
		const day = await changedValues(conn, up.table, 'day', 'DATE');
		expect(day.first[0]).toMatchObject({ record: 29_001, value: '2024-02-30', stored: null });
	});
});
