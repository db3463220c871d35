import { describe, expect, it } from 'vitest';
import { engineFailure } from '../../../src/lib/db/failure';

describe('engineFailure', () => {
	it('tells DuckDB running out of memory from a broken WebAssembly instance', () => {
		expect(
			engineFailure(new Error('Out of Memory Error: failed to allocate data of size 16.0 MiB'))
		).toBe('memory');
		const trap = new Error('memory access out of bounds');
		trap.name = 'RuntimeError';
		expect(engineFailure(trap)).toBe('crashed');
		expect(engineFailure(new Error('Aborted(). Build with -sASSERTIONS for more info.'))).toBe(
			'crashed'
		);
	});

	it('leaves ordinary SQL errors alone', () => {
		expect(engineFailure(new Error('Catalog Error: Table with name x does not exist!'))).toBeNull();
		expect(engineFailure(new Error('Binder Error: column "memory" not found'))).toBeNull();
	});
});

describe('engineFailure on quoted text', () => {
	it('does not read the words of a SQL error as a crash', () => {
		expect(engineFailure(new Error('Binder Error: column "unreachable" not found'))).toBeNull();
		expect(
			engineFailure(new Error(`Parser Error: syntax error at or near "'Out of Memory Error'"`))
		).toBeNull();
		expect(
			engineFailure(
				new Error('{"exception_type":"Out of Memory","exception_message":"failed to allocate"}')
			)
		).toBe('memory');
	});
});
