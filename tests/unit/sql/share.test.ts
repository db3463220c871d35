import { describe, expect, it } from 'vitest';
import { sharedQuery, shareUrl } from '../../../src/routes/sql/share';

describe('share links', () => {
	const base = new URL('https://raqib.example/sql/');

	it('put the query in the fragment, so it never reaches a server', () => {
		const sql = "SELECT 'دير الزور' AS p, 1 + 1 AS two -- #&=?";
		const link = new URL(shareUrl(base, sql));
		expect(link.search).toBe('');
		expect(link.pathname).toBe('/sql/');
		expect(sharedQuery(link)).toBe(sql);
	});

	it('still open old ?q= links, and a long query round-trips whole', () => {
		expect(sharedQuery(new URL('https://raqib.example/sql/?q=SELECT+1'))).toBe('SELECT 1');
		const long = `SELECT ${'x, '.repeat(20_000)}1`;
		expect(sharedQuery(new URL(shareUrl(base, long)))).toBe(long);
		expect(sharedQuery(base)).toBeNull();
	});
});
