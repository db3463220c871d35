import { describe, expect, it } from 'vitest';
import { encodeField, writeDelimited } from '../../../src/lib/export/delimited';

const cols = [
	{ name: 'name', text: true },
	{ name: 'n', text: false }
];

describe('writeDelimited (RFC 4180)', () => {
	it('ends records with CRLF and quotes only what needs quoting', () => {
		expect(
			writeDelimited(cols, [
				['plain', '1'],
				['a,b', '2'],
				['say "hi"', '3'],
				['two\nlines', '4'],
				['cr\r', '5']
			])
		).toBe('name,n\r\nplain,1\r\n"a,b",2\r\n"say ""hi""",3\r\n"two\nlines",4\r\n"cr\r",5\r\n');
	});

	it('writes NULL as an empty field and an empty string as ""', () => {
		expect(
			writeDelimited(cols, [
				[null, null],
				['', '0']
			])
		).toBe('name,n\r\n,\r\n"",0\r\n');
	});

	it('starts with a byte order mark only when asked', () => {
		expect(writeDelimited(cols, [], { bom: true })).toBe('\uFEFFname,n\r\n');
		expect(writeDelimited(cols, []).charCodeAt(0)).toBe('n'.charCodeAt(0));
	});

	it('neutralises formula-like text by default but leaves negative numbers alone', () => {
		const out = writeDelimited(cols, [
			['=HYPERLINK("http://x")', '-5'],
			['+1', '2'],
			['-cmd', '3'],
			['@SUM(A1)', '4'],
			['\tTAB', '5'],
			['\rCR', '6'],
			['ok=fine', '7']
		]);
		expect(out.split('\r\n').slice(1, -1)).toEqual([
			`"'=HYPERLINK(""http://x"")",-5`,
			// A plain number runs as the number it is, in a text column too.
			`+1,2`,
			`'-cmd,3`,
			`'@SUM(A1),4`,
			`'\tTAB,5`,
			`"'\rCR",6`,
			`ok=fine,7`
		]);
		expect(writeDelimited(cols, [['=1+1', '1']], { safe: false })).toContain('\r\n=1+1,1\r\n');
	});

	it('keeps Arabic text intact', () => {
		expect(writeDelimited(cols, [['دير الزور', '1']])).toBe('name,n\r\nدير الزور,1\r\n');
	});

	it('writes TSV with tabs, quoting fields that hold a tab', () => {
		expect(writeDelimited(cols, [['a\tb', '1']], { delimiter: '\t', safe: false })).toBe(
			'name\tn\r\n"a\tb"\t1\r\n'
		);
		expect(encodeField('x', '\t')).toBe('x');
	});
});
