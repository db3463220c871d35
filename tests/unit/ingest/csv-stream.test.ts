import { describe, expect, it } from 'vitest';
import { CsvError, RecordReader } from '../../../src/lib/ingest/csv-stream';
import { detectDialect, type Dialect } from '../../../src/lib/ingest/dialect';

/** Parse `text` fed in pieces of `size` characters; blank skipped rows are dropped. */
function parse(text: string, size = text.length || 1, dialect?: Dialect): string[][] {
	const reader = new RecordReader(dialect ?? detectDialect(text));
	const rows: string[][] = [];
	for (let i = 0; i < text.length; i += size)
		rows.push(...reader.push(text.slice(i, i + size)).rows);
	rows.push(...reader.end().rows);
	return rows.filter((r) => r.length > 0);
}

const every = (text: string) => [1, 2, 3, 7, text.length].map((n) => parse(text, n));

describe('RFC 4180 records from streamed text', () => {
	it('handles quoted delimiters, doubled quotes and newlines inside quotes at any cut', () => {
		const text = 'a,b,c\r\n"x,y","say ""hi""","line1\r\nline2"\r\n1,2,3\r\n';
		for (const rows of every(text))
			expect(rows).toEqual([
				['a', 'b', 'c'],
				['x,y', 'say "hi"', 'line1\r\nline2'],
				['1', '2', '3']
			]);
	});

	it('gives the same records with or without a final line break, CRLF or LF', () => {
		const expected = [
			['a', 'b'],
			['1', '2']
		];
		for (const text of ['a,b\n1,2', 'a,b\n1,2\n', 'a,b\r\n1,2', 'a,b\r\n1,2\r\n'])
			for (const rows of every(text)) expect(rows).toEqual(expected);
	});

	it('keeps empty fields and empty quoted fields as empty strings', () => {
		expect(parse('a,b,c\n,"",x\n')).toEqual([
			['a', 'b', 'c'],
			['', '', 'x']
		]);
	});

	it('numbers rows as a spreadsheet does: header 1, quoted newlines do not count, blank lines do', () => {
		const reader = new RecordReader({ delimiter: ',', linebreak: '\n' });
		const a = reader.push('h1,h2\n"a\nb",1\n\nc,');
		expect(a.first).toBe(1);
		expect(a.rows).toEqual([['h1', 'h2'], ['a\nb', '1'], []]);
		const b = reader.end();
		expect(b).toEqual({ rows: [['c', '']], first: 4 });
	});

	it('reports an unterminated quote with its row', () => {
		try {
			parse('a,b\n1,2\n3,"open\n4,5\n');
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(CsvError);
			expect(e).toMatchObject({ code: 'unterminated-quote', row: 3 });
		}
	});

	it('stops at a row longer than the limit instead of buffering the whole file', () => {
		const reader = new RecordReader({ delimiter: ',', linebreak: '\n' }, 100);
		reader.push('a,b\n');
		expect(() => reader.push('x'.repeat(200))).toThrow(CsvError);
	});

	it('reports a malformed quote', () => {
		expect(() => parse('a,b\n"x"y,2\n')).toThrow(CsvError);
	});
});

describe('dialect detection', () => {
	it('finds comma, semicolon and tab, and the line break', () => {
		expect(detectDialect('a,b,c\n1,2,3\n')).toEqual({ delimiter: ',', linebreak: '\n' });
		expect(detectDialect('a;b;c\r\n1,5;2;3\r\n')).toEqual({ delimiter: ';', linebreak: '\r\n' });
		expect(detectDialect('a\tb\n"x,y"\t2\n')).toEqual({ delimiter: '\t', linebreak: '\n' });
	});

	it('falls back to comma for a one-column file', () => {
		expect(detectDialect('name\nx\ny\n').delimiter).toBe(',');
	});
});
