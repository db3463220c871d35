import { beforeAll, describe, expect, it } from 'vitest';
import {
	columns,
	existingTables,
	qualifiedName,
	relations,
	rowCounts,
	tableFingerprint,
	vocabulary,
	type CatalogRelation
} from '../../../src/lib/query/catalog';
import { NodeConnector, shippedConnector } from '../support/node-connector';

let conn: NodeConnector;
beforeAll(async () => {
	conn = await shippedConnector();
	await conn.exec(`CREATE VIEW "Iran attacks" AS SELECT * FROM incidents;
		CREATE TEMP TABLE scratch AS SELECT 1 AS x`);
});

const BASE = ['incidents', 'places', 'actors', 'targets', 'reports'];

async function fingerprint(): Promise<Record<string, string>> {
	const names = (await conn.query<{ name: string }>(existingTables(BASE))).map((r) => r.name);
	const rows = await conn.query<{ name: string; print: string }>(tableFingerprint(names));
	return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}

describe('catalog queries', () => {
	it('lists tables, views and temporary tables with their columns', async () => {
		const rels = await conn.query<CatalogRelation>(relations());
		const names = rels.map((r) => `${r.kind}:${qualifiedName(r)}`);
		expect(names).toEqual(expect.arrayContaining(['table:incidents', 'view:"Iran attacks"']));
		expect(rels.find((r) => r.name === 'scratch')).toMatchObject({ temporary: true });
		const cols = await conn.query<{ table: string; name: string; type: string }>(columns());
		const incidents = cols.filter((c) => c.table === 'incidents');
		expect(incidents[0]).toMatchObject({ name: 'incident_id', type: 'VARCHAR' });
		expect(incidents.find((c) => c.name === 'event_date')).toMatchObject({ type: 'DATE' });
	});

	it('counts rows of every table exactly', async () => {
		const rels = (await conn.query<CatalogRelation>(relations())).filter((r) => r.kind === 'table');
		const counts = await conn.query<{ i: number; n: number }>(rowCounts(rels)!);
		const incidents = rels.findIndex((r) => r.name === 'incidents');
		const [row] = await conn.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM incidents');
		expect(counts.find((c) => c.i === incidents)?.n).toBe(row!.n);
	});

	it('reads keywords and functions from the engine', async () => {
		const words = await conn.query<{ kind: string; word: string }>(vocabulary());
		expect(words).toContainEqual({ kind: 'keyword', word: 'qualify' });
		expect(words).toContainEqual({ kind: 'function', word: 'date_trunc' });
	});

	it('notices UPDATE, DELETE, ALTER and DROP on a base table, and nothing else', async () => {
		const before = await fingerprint();
		expect(Object.keys(before).sort()).toEqual([...BASE].sort());
		await conn.exec('CREATE TABLE mine AS SELECT 1 AS x');
		expect(await fingerprint()).toEqual(before);
		await conn.exec(`UPDATE reports SET notes = coalesce(notes, '') || '!'`);
		const updated = await fingerprint();
		expect(updated.reports).not.toBe(before.reports);
		expect(updated.incidents).toBe(before.incidents);
		await conn.exec('ALTER TABLE actors ADD COLUMN extra INTEGER');
		expect((await fingerprint()).actors).not.toBe(before.actors);
		await conn.exec('DROP TABLE targets');
		expect(Object.keys(await fingerprint())).not.toContain('targets');
	});
});
