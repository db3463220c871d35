import { describe, expect, it } from 'vitest';
import { errorOffset, lineColumn, tokenEnd } from '../../../src/lib/query/error-position';
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
