import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { problemText } from '../../../src/lib/i18n/problems';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffStaged, stage } from '../../../src/lib/db/staging';
import { exportTableSql } from '../../../src/lib/query/export-table';
import { quoteLiteral } from '../../../src/lib/query/sql';
import { parseFile } from '../../../src/lib/ingest/pipeline';
import { validateTable } from '../../../src/lib/ingest/validate';
import { shippedConnector, type NodeConnector } from '../support/node-connector';

const dir = mkdtempSync(join(tmpdir(), 'raqib-round-trip-'));

/** Notes a spreadsheet would run, and notes that only look close; each must come back exactly. */
const NOTES = [
	'=HYPERLINK("http://example.invalid","click")',
	'+1+2',
	'-2+3',
	'@SUM(A1)',
	'\tstarts with a tab',
	// (Not ' =1+1': the upload stores text trimmed, with a warning, whatever its first character.)
	'－1',
	'＝1+1',
	'|calc',
	"'=already marked",
	"''@twice",
	"'quoted, not a formula",
	'-5',
	'ok=fine'
];

async function download(conn: NodeConnector, name: string, renamed = {}): Promise<string> {
	const path = join(dir, name);
	await conn.exec(
		`COPY (${exportTableSql('incidents', renamed)}) TO ${quoteLiteral(path)} (HEADER, DELIMITER ',')`
	);
	return path;
}

async function withNotes(): Promise<NodeConnector> {
	const conn = await shippedConnector();
	const ids = await conn.query<{ id: string }>(
		`SELECT incident_id AS id FROM incidents ORDER BY incident_id LIMIT ${NOTES.length}`
	);
	for (const [i, { id }] of ids.entries())
		await conn.exec(
			`UPDATE incidents SET notes = ${quoteLiteral(NOTES[i]!)} WHERE incident_id = ${quoteLiteral(id)}`
		);
	return conn;
}

describe('download → upload round trip of spreadsheet-safe text', () => {
	it('the download marks formula-like notes, and the upload reads back exactly what is stored', async () => {
		const conn = await withNotes();
		const path = await download(conn, 'incidents.csv');
		const text = readFileSync(path, 'utf8');
		expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"",""click"")"`);
		expect(text).toContain("'''@twice");
		expect(text).not.toMatch(/,=HYPERLINK/);

		const summary = await parseFile(
			new File([readFileSync(path)], 'incidents.csv'),
			{},
			validateTable
		);
		expect(summary.errors).toBe(0);
		// Rewritten, not passed through: the marks come off before DuckDB loads the rows.
		expect(summary.output).not.toBeNull();
		// The user is told, once, at the first cell, and how many more there were.
		const notes = summary.issues.filter((i) => i.code.startsWith('unmarked'));
		expect(notes).toHaveLength(1);
		expect(notes[0]).toMatchObject({ row: 2, column: 'notes', severity: 'warning' });
		expect(notes[0]).toMatchObject({ code: 'unmarked-more', params: { more: 9 } });
		expect(problemText(notes[0]!)).toContain('(and in 9 more cells)');

		const out = join(dir, 'uploaded.csv');
		writeFileSync(out, Buffer.from(await summary.output!.arrayBuffer()));
		await stage(conn, 'incidents', out, 'st');
		expect(await diffStaged(conn, 'incidents', 'st')).toMatchObject({ added: 0, updated: 0 });
		const back = await conn.query<{ notes: string }>(
			`SELECT notes FROM st WHERE notes IN (${NOTES.map(quoteLiteral).join(', ')}) ORDER BY notes`
		);
		expect(back.map((r) => r.notes)).toEqual([...NOTES].sort());
	});

	it('a download with nothing to mark is still passed through as it is', async () => {
		const conn = await shippedConnector();
		const path = await download(conn, 'clean.csv');
		const summary = await parseFile(new File([readFileSync(path)], 'clean.csv'), {}, validateTable);
		expect(summary.errors).toBe(0);
		expect(summary.output).toBeNull();
	});
});
