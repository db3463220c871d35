import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
	applyStaged,
	createTable,
	diffStaged,
	stage,
	stageOther,
	transaction
} from '../../../src/lib/db/staging';
import { ExactnessError } from '../../../src/lib/db/exact';
import { RowCountError } from '../../../src/lib/db/csv-read';
import { shippedConnector } from '../support/node-connector';

const dir = mkdtempSync(join(tmpdir(), 'raqib-staging-'));
const write = (name: string, text: string) => {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
};
const none = { actors: [], targets: [], places: [] };

const shipped = readFileSync('data/incidents.csv', 'utf8').trimEnd().split('\n');
const header = shipped[0]!;
const first = shipped[1]!;
const columns = header.split(',');
/** The first shipped row with some cells replaced (by column name). */
const firstWith = (cells: Record<string, string>) =>
	Papa.unparse([Papa.parse<string[]>(first).data[0]!.map((v, i) => cells[columns[i]!] ?? v)]);
const count = async (conn: Awaited<ReturnType<typeof shippedConnector>>) =>
	(await conn.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM incidents'))[0]!.n;

describe('staging and applying incident uploads', () => {
	it('counts the shipped file itself as all unchanged', async () => {
		const conn = await shippedConnector();
		await stage(conn, 'incidents', 'data/incidents.csv', 'st');
		const diff = await diffStaged(conn, 'incidents', 'st');
		expect(diff).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: shipped.length - 1 });
	});

	it('upserts by incident_id: one changed row and one new row', async () => {
		const conn = await shippedConnector();
		const before = await count(conn);
		const changed = firstWith({ fatalities: '3' });
		const added = firstWith({ incident_id: 'TEST-NEW-1', event_id_cnty: 'TEST-NEW-1' });
		const file = write('upsert.csv', [header, changed, added].join('\n') + '\n');
		await stage(conn, 'incidents', file, 'st', { delimiter: ',', newLine: '\n' }, 2);
		expect(await diffStaged(conn, 'incidents', 'st')).toMatchObject({
			rows: 2,
			added: 1,
			updated: 1
		});
		await applyStaged(conn, 'incidents', 'st', 'upsert', { ...none, actors: ['New actor'] });
		expect(await count(conn)).toBe(before + 1);
		const [actor] = await conn.query(`SELECT * FROM actors WHERE actor = 'New actor'`);
		expect(actor).toBeTruthy();
	});

	it('keeps extra columns in <table>_extra, upserted by key', async () => {
		const conn = await shippedConnector();
		const id = first.split(',')[0]!;
		await stage(conn, 'incidents', write('x.csv', [header, first].join('\n')), 'st');
		const extra = write('extra.csv', `incident_id,url\n${id},"https://a, b"\n`);
		await applyStaged(conn, 'incidents', 'st', 'upsert', none, undefined, {
			file: extra,
			columns: ['url']
		});
		await stage(conn, 'incidents', write('y.csv', [header, first].join('\n')), 'st');
		const again = write('extra2.csv', `incident_id,url,coder\n${id},https://c,sa\n`);
		await applyStaged(conn, 'incidents', 'st', 'upsert', none, undefined, {
			file: again,
			columns: ['url', 'coder']
		});
		expect(await conn.query('SELECT * FROM incidents_extra')).toEqual([
			{ incident_id: id, url: 'https://c', coder: 'sa' }
		]);
	});

	it('replace leaves exactly the staged rows', async () => {
		const conn = await shippedConnector();
		const added = first.replace(/^[^,]+/, 'TEST-NEW-2');
		await stage(conn, 'incidents', write('replace.csv', [header, added].join('\n')), 'st');
		await applyStaged(conn, 'incidents', 'st', 'replace', none);
		expect(await count(conn)).toBe(1);
	});

	it('rolls back everything when any step fails', async () => {
		const conn = await shippedConnector();
		const before = await count(conn);
		await stage(
			conn,
			'incidents',
			write('rb.csv', [header, first.replace(/^[^,]+/, 'X-1')].join('\n')),
			'st'
		);
		await expect(
			applyStaged(conn, 'incidents', 'st', 'replace', none, async () => {
				throw new Error('quota');
			})
		).rejects.toThrow('quota');
		expect(await count(conn)).toBe(before);
	});

	it('refuses a cast that would change a value, and a row count that differs from the parser', async () => {
		const conn = await shippedConnector();
		const zeros = firstWith({ fatalities: '007' });
		const file = write(
			'zeros.csv',
			[header, firstWith({ incident_id: 'Z-1', event_id_cnty: 'Z-1' }), zeros].join('\n')
		);
		const error = await stage(conn, 'incidents', file, 'st').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ExactnessError);
		expect((error as ExactnessError).changes[0]).toMatchObject({
			record: 2,
			column: 'fatalities',
			value: '007',
			stored: '7'
		});
		const two = write('two.csv', [header, first].join('\n') + '\n');
		await expect(stage(conn, 'incidents', two, 'st', undefined, 2)).rejects.toBeInstanceOf(
			RowCountError
		);
	});

	it('a wrongly typed value fails staging and changes nothing', async () => {
		const conn = await shippedConnector();
		const bad = firstWith({ event_date: '2022-13-45' });
		await expect(
			stage(conn, 'incidents', write('bad.csv', [header, bad].join('\n')), 'st')
		).rejects.toThrow();
	});

	it('creates other tables with types chosen over every value, overridable, inside a transaction', async () => {
		const conn = await shippedConnector();
		const file = write('other.csv', 'a;b;c\n1;"x;y";2024-01-02\n2;"";\n');
		const dialect = { delimiter: ';', newLine: '\n' } as const;
		const columns = await stageOther(conn, file, dialect, ['a', 'b', 'c'], 'tx', 2);
		expect(columns.map((c) => c.type)).toEqual(['BIGINT', 'VARCHAR', 'DATE']);
		const rows = await createTable(conn, 'other', 'tx', [
			{ name: 'a', type: 'VARCHAR' },
			{ name: 'b', type: 'VARCHAR' },
			{ name: 'c', type: 'DATE' }
		]);
		expect(rows).toBe(2);
		expect(await conn.query('SELECT a, b, c FROM other ORDER BY a')).toEqual([
			{ a: '1', b: 'x;y', c: '2024-01-02' },
			{ a: '2', b: null, c: null }
		]);
		await expect(
			transaction(conn, async () => conn.exec('SELECT * FROM nowhere'))
		).rejects.toThrow();
	});
	it("stores ACLED's worded dates as DATE, says so in the type, and keeps any other column as text", async () => {
		const conn = await shippedConnector();
		const file = write(
			'worded.csv',
			'event_date,note\n21 March 2020,a\n1 November 2024,b\n09 May 2020,c\n'
		);
		const dialect = { delimiter: ',', newLine: '\n' } as const;
		const columns = await stageOther(conn, file, dialect, ['event_date', 'note'], 'tw', 3);
		expect(columns.map((c) => c.type)).toEqual(['DATE (21 March 2020)', 'VARCHAR']);
		await createTable(conn, 'worded', 'tw', columns);
		expect(
			await conn.query(
				`SELECT event_date::VARCHAR AS d, typeof(event_date) AS t FROM worded ORDER BY note`
			)
		).toEqual([
			{ d: '2020-03-21', t: 'DATE' },
			{ d: '2024-11-01', t: 'DATE' },
			{ d: '2020-05-09', t: 'DATE' }
		]);
		// One date in another spelling (lower case, abbreviated): the column stays text, unchanged.
		const mixed = write('mixed.csv', 'event_date\n21 March 2020\n21 mar 2020\n');
		const kept = await stageOther(conn, mixed, dialect, ['event_date'], 'tm', 2);
		expect(kept.map((c) => c.type)).toEqual(['VARCHAR']);
		await expect(
			createTable(conn, 'mixed', 'tm', [{ name: 'event_date', type: 'DATE (21 March 2020)' }])
		).rejects.toThrow(ExactnessError);
	});
});
