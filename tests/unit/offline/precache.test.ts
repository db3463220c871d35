import { describe, expect, it } from 'vitest';
import {
	EXCEPTIONS_PROBE,
	FALLBACK,
	pageFor,
	precacheList
} from '../../../src/lib/offline/precache';

const files = {
	base: '',
	build: [
		'/_app/immutable/entry/app.js',
		'/_app/immutable/assets/duckdb-eh.abc.wasm',
		'/_app/immutable/assets/duckdb-browser-eh.worker.def.js',
		'/_app/immutable/assets/duckdb-mvp.ghi.wasm',
		'/_app/immutable/assets/duckdb-browser-mvp.worker.jkl.js',
		'/_app/immutable/assets/incidents.mno.csv'
	],
	files: ['/favicon.svg', '/manifest.webmanifest'],
	prerendered: ['/', '/__data.json', '/sql/', '/sql/__data.json', '/data/codebook/']
};

describe('precacheList', () => {
	it('keeps the eh engine and drops mvp when the browser has WebAssembly exceptions', () => {
		const list = precacheList(files, true);
		expect(list).toContain('/_app/immutable/assets/duckdb-eh.abc.wasm');
		expect(list).toContain('/_app/immutable/assets/duckdb-browser-eh.worker.def.js');
		expect(list.some((u) => u.includes('mvp'))).toBe(false);
	});

	it('keeps mvp and drops eh otherwise', () => {
		const list = precacheList(files, false);
		expect(list).toContain('/_app/immutable/assets/duckdb-mvp.ghi.wasm');
		expect(list.some((u) => u.includes('-eh'))).toBe(false);
	});

	it('holds the pages, their data, the shipped tables, static files and the fallback page, once each', () => {
		const list = precacheList({ ...files, files: [...files.files, '/favicon.svg'] }, true);
		for (const url of ['/', '/sql/', '/sql/__data.json', '/favicon.svg', `/${FALLBACK}`])
			expect(list).toContain(url);
		expect(list).toContain('/_app/immutable/assets/incidents.mno.csv');
		expect(new Set(list).size).toBe(list.length);
	});

	it('leaves out precompressed copies and source maps, and keeps a base path', () => {
		const list = precacheList(
			{
				base: '/raqib',
				build: ['/raqib/_app/a.js', '/raqib/_app/a.js.br', '/raqib/_app/a.js.map'],
				files: [],
				prerendered: ['/raqib/']
			},
			true
		);
		expect(list).toEqual(['/raqib/_app/a.js', '/raqib/', `/raqib/${FALLBACK}`]);
	});
});

describe('pageFor', () => {
	it('answers a page with or without its trailing slash, whatever the query', () => {
		expect(pageFor('/', files)).toBe('/');
		expect(pageFor('/sql', files)).toBe('/sql/');
		expect(pageFor('/sql/', files)).toBe('/sql/');
		expect(pageFor('/data/codebook', files)).toBe('/data/codebook/');
	});

	it('answers any other path with the fallback page', () => {
		expect(pageFor('/no/such/page', files)).toBe(`/${FALLBACK}`);
		expect(pageFor('/x', { base: '/raqib', prerendered: [] })).toBe(`/raqib/${FALLBACK}`);
	});
});

describe('EXCEPTIONS_PROBE', () => {
	it('is a well-formed module that Node (V8 with exception handling) validates', () => {
		expect(WebAssembly.validate(EXCEPTIONS_PROBE)).toBe(true);
		// Without its `try`, the same bytes are no longer a valid module: the probe tests that opcode.
		const broken = EXCEPTIONS_PROBE.slice();
		broken[broken.length - 4] = 0xff;
		expect(WebAssembly.validate(broken)).toBe(false);
	});
});
