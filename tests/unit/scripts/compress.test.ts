import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compressDir } from '../../../scripts/compress.js';
import { serveBuild } from '../../../scripts/server.js';

let dir = '';
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'raqib-compress-'));
	mkdirSync(join(dir, 'sql'));
	writeFileSync(join(dir, '_headers'), '/*\n  X-Content-Type-Options: nosniff\n');
	writeFileSync(join(dir, 'index.html'), '<!doctype html><p>Raqib</p>\n'.repeat(200));
	writeFileSync(join(dir, 'sql', 'index.html'), '<h1>SQL console</h1>\n'.repeat(100));
	writeFileSync(join(dir, 'data.csv'), 'event_id,actor\n' + 'DEZ-2024-0001,ISIS\n'.repeat(500));
	writeFileSync(join(dir, 'tiny.js'), 'export const a = 1;\n');
	writeFileSync(join(dir, 'icon.png'), Buffer.alloc(4096, 7));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** GET `path` without decoding the body, with the given Accept-Encoding. */
function get(url: string, encoding: string) {
	return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
		request(url, { headers: { 'accept-encoding': encoding } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) }));
		})
			.on('error', fail)
			.end();
	});
}

describe('compress.js', () => {
	it('writes .br and .gz copies that decode to the same bytes, for text only and not for tiny files', async () => {
		const totals = await compressDir(dir);
		const html = readFileSync(join(dir, 'index.html'));
		expect(brotliDecompressSync(readFileSync(join(dir, 'index.html.br')))).toEqual(html);
		expect(gunzipSync(readFileSync(join(dir, 'index.html.gz')))).toEqual(html);
		const csv = readFileSync(join(dir, 'data.csv'));
		expect(brotliDecompressSync(readFileSync(join(dir, 'data.csv.br')))).toEqual(csv);
		expect(existsSync(join(dir, 'tiny.js.br'))).toBe(false);
		expect(existsSync(join(dir, 'icon.png.br'))).toBe(false);
		expect(totals.files).toBe(3);
		expect(totals.br).toBeLessThan(totals.raw);
	});
});

describe('server.js', () => {
	it('sends the brotli copy, else gzip, else the file, with Content-Encoding and Vary', async () => {
		await compressDir(dir);
		const server = await serveBuild({ dir });
		try {
			const br = await get(`${server.url}/`, 'gzip, deflate, br');
			expect(br.headers['content-encoding']).toBe('br');
			expect(br.headers['vary']).toBe('Accept-Encoding');
			expect(br.headers['content-type']).toBe('text/html;charset=utf-8');
			expect(br.headers['x-content-type-options']).toBe('nosniff');
			expect(brotliDecompressSync(br.body)).toEqual(readFileSync(join(dir, 'index.html')));

			const gz = await get(`${server.url}/data.csv`, 'gzip');
			expect(gz.headers['content-encoding']).toBe('gzip');
			expect(gz.headers['content-type']).toBe('text/csv');
			expect(gunzipSync(gz.body)).toEqual(readFileSync(join(dir, 'data.csv')));

			const plain = await get(`${server.url}/sql/`, 'identity');
			expect(plain.headers['content-encoding']).toBeUndefined();
			expect(plain.body).toEqual(readFileSync(join(dir, 'sql', 'index.html')));
		} finally {
			await server.close();
		}
	});
});
