import { describe, expect, it } from 'vitest';
import { detectEncoding, isUtf8, notText } from '../../../src/lib/ingest/encoding';
import { windows1256 } from '../../fixtures/make';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('encoding detection', () => {
	it('reads byte-order marks', () => {
		expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
			encoding: 'utf-8',
			bom: 3
		});
		expect(detectEncoding(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toEqual({
			encoding: 'utf-16le',
			bom: 2
		});
		expect(detectEncoding(new Uint8Array([0xfe, 0xff, 0, 0x61]))).toEqual({
			encoding: 'utf-16be',
			bom: 2
		});
	});

	it('takes valid UTF-8 Arabic as UTF-8, even cut inside a character', () => {
		const bytes = utf8('place,name\nayyash,عياش\n');
		expect(detectEncoding(bytes)).toEqual({ encoding: 'utf-8', bom: 0 });
		expect(isUtf8(bytes.slice(0, bytes.length - 3))).toBe(true);
	});

	it('takes invalid UTF-8 as Windows-1256, which decodes the Arabic', () => {
		const bytes = windows1256('place,name\nayyash,عياش\n');
		expect(detectEncoding(bytes)).toEqual({ encoding: 'windows-1256', bom: 0 });
		expect(new TextDecoder('windows-1256').decode(bytes)).toContain('عياش');
	});

	it('recognises files that are not text', () => {
		expect(notText(new Uint8Array())).toBe('empty');
		expect(notText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe('binary');
		expect(notText(utf8('a,b\n1,2\n'))).toBeNull();
	});
});
