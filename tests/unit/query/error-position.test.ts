import { describe, expect, it } from 'vitest';
import {
	errorOffset,
	lineColumn,
	readEngineError,
	tokenEnd
} from '../../../src/lib/query/error-position';
import { NodeConnector } from '../support/node-connector';

/** DuckDB's own message for a statement, from the Node engine (same parser as the browser's). */
async function messageOf(sql: string): Promise<string> {
	const conn = await NodeConnector.open();
	await conn.exec('CREATE TABLE incidents (incident_id VARCHAR, fatalities INTEGER)');
	try {
		await conn.query(sql);
	} catch (e) {
		return (e as Error).message;
	}
	throw new Error(`no error from ${sql}`);
}

describe('errorOffset', () => {
	it('finds a syntax error on the first line', async () => {
		const sql = 'SELEC 42 AS answer';
		expect(errorOffset(await messageOf(sql), sql)).toBe(0);
	});

	it('finds an unknown column on a later line', async () => {
		const sql = 'SELECT incident_id,\n  fatalitys\nFROM incidents';
		const at = errorOffset(await messageOf(sql), sql)!;
		expect(sql.slice(at, tokenEnd(sql, at))).toBe('fatalitys');
		expect(lineColumn(sql, at)).toEqual({ line: 2, column: 3 });
	});

	it('finds the position inside a long line that DuckDB prints cut to a window', async () => {
		const pad = Array.from({ length: 40 }, (_, i) => `${i} AS c${i}`).join(', ');
		const sql = `SELECT ${pad}, nosuchcol, ${pad} FROM incidents`;
		const message = await messageOf(sql);
		const at = errorOffset(message, sql)!;
		expect(sql.slice(at, tokenEnd(sql, at))).toBe('nosuchcol');
	});

	it('returns null when the message points nowhere', () => {
		expect(errorOffset('Out of Memory Error: could not allocate', 'SELECT 1')).toBeNull();
	});
});

describe('readEngineError', () => {
	it('reads DuckDB-WASM JSON errors into the shell wording and an offset', () => {
		const raw = JSON.stringify({
			exception_type: 'Parser',
			exception_message: 'syntax error at or near "SELEC"\n\nLINE 1: SELEC 42\n        ^',
			error_subtype: 'SYNTAX_ERROR',
			position: '0'
		});
		expect(readEngineError(raw, 'SELEC 42')).toEqual({
			message: 'Parser Error: syntax error at or near "SELEC"\n\nLINE 1: SELEC 42\n        ^',
			offset: 0
		});
	});

	it('converts a byte position after Arabic text to a character offset', () => {
		const sql = "SELECT 'دير' FORM x";
		const bytes = new TextEncoder().encode("SELECT 'دير' ").length;
		const raw = JSON.stringify({
			exception_type: 'Parser',
			exception_message: 'x',
			position: String(bytes)
		});
		expect(readEngineError(raw, sql).offset).toBe(sql.indexOf('FORM'));
	});

	it('passes text errors through', () => {
		expect(readEngineError('Catalog Error: Table with name t does not exist!', 'FROM t')).toEqual({
			message: 'Catalog Error: Table with name t does not exist!',
			offset: null
		});
	});
});

describe('error positions after Arabic text', () => {
	/** The token an error offset points at. */
	const at = (sql: string, offset: number | null) =>
		offset === null ? null : sql.slice(offset, tokenEnd(sql, offset));

	it.each([
		["SELECT 'دير الزور' AS place FORM incidents", 'FORM'],
		["SELECT 'دير الزور' AS place, nosuch FROM incidents", 'nosuch'],
		["SELECT 'دير' AS p,\n 'حلب' AS q FORM incidents", 'FORM'],
		["SELECT 'دير' AS p,\n 'حلب' AS q, nosuch FROM incidents", 'nosuch'],
		["SELECT 'ميادين' AS p, 'x'::INTEGER", "'x'"],
		["SELECT 'الرقة' AS p, 'البوكمال' AS q, missing_one FROM incidents", 'missing_one']
	])('%s points at %s', async (sql, token) => {
		expect(at(sql, readEngineError(await messageOf(sql), sql).offset)).toBe(token);
	});

	it('uses the JSON byte position when DuckDB-WASM sends one', () => {
		const sql = "SELECT 'دير الزور' AS place FORM incidents";
		const raw = JSON.stringify({
			exception_type: 'Parser',
			exception_message: 'syntax error at or near "FORM"',
			position: String(new TextEncoder().encode("SELECT 'دير الزور' AS place ").length)
		});
		expect(at(sql, readEngineError(raw, sql).offset)).toBe('FORM');
	});
});
