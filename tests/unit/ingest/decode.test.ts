import { describe, expect, it } from 'vitest';
import { DecodeError, decodeChunks } from '../../../src/lib/ingest/decode';
import { utf16, windows1256 } from '../../fixtures/make';

async function decodeAll(
	blob: Blob,
	encoding: Parameters<typeof decodeChunks>[1],
	start: number,
	size: number
) {
	let text = '';
	for await (const c of decodeChunks(blob, encoding, start, size)) text += c.text;
	return text;
}

const arabic = 'مكان,اسم\nعياش,مستودعات عياش 😀\n';

describe('decoding in chunks', () => {
	it('joins a multi-byte character cut by a chunk boundary, at every cut', async () => {
		const blob = new Blob([new TextEncoder().encode(arabic)]);
		for (let size = 1; size <= 9; size++)
			expect(await decodeAll(blob, 'utf-8', 0, size)).toBe(arabic);
	});

	it('decodes UTF-16 LE and BE after the BOM, and Windows-1256', async () => {
		const plain = arabic.replace(' 😀', '');
		expect(await decodeAll(new Blob([utf16(plain, 'le')]), 'utf-16le', 2, 3)).toBe(plain);
		expect(await decodeAll(new Blob([utf16(plain, 'be')]), 'utf-16be', 2, 5)).toBe(plain);
		expect(await decodeAll(new Blob([windows1256(plain)]), 'windows-1256', 0, 4)).toBe(plain);
	});

	it('reports invalid UTF-8 with its position instead of replacing it', async () => {
		const bytes = new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xe9, 0x0a]);
		await expect(decodeAll(new Blob([bytes]), 'utf-8', 0, 4)).rejects.toBeInstanceOf(DecodeError);
	});
});
