/**
 * Parquet and Arrow uploads (src/lib/ingest/columnar/), compared cell by
 * cell with native DuckDB (@duckdb/node-api, whose own parquet reader is
 * built in) on SYNTHETIC seeded rows (./columnar-fixtures.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Failure, parseFile } from '../../../src/lib/ingest/pipeline';
import { validateTable } from '../../../src/lib/ingest/validate';
import { createTable, stageOther } from '../../../src/lib/db/staging';
import { doubleText } from '../../../src/lib/ingest/columnar/format';
import { NodeConnector, shippedConnector } from '../support/node-connector';
import { uploadThrough } from '../support/upload-through';
import {
	NAMES,
	TYPES,
	arrowFile,
	hyparquetFile,
	syntheticRows,
	valuesSql
} from './columnar-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'raqib-columnar-'));
const ROWS = syntheticRows(400);
let conn: NodeConnector;
let n = 0;

beforeAll(async () => {
	conn = await NodeConnector.open();
	const columns = NAMES.map((c) => `${c} ${TYPES[c]}`).join(', ');
	await conn.exec(`CREATE TABLE ref (${columns})`);
	await conn.exec(`INSERT INTO ref VALUES ${valuesSql(ROWS)}`);
	await conn.exec(`CREATE TABLE ref_numbered AS SELECT row_number() OVER () AS r, * FROM ref`);
});

const text = (name: string) => NAMES.map((c) => `${name}.${c}::VARCHAR AS ${c}`).join(', ');

/** Upload `bytes` as a new table, created with the types the file gave; its rows as text. */
async function uploadTable(bytes: Uint8Array<ArrayBuffer>, name: string) {
	const summary = await parseFile(new File([bytes], name), {}, validateTable);
	expect(summary.kind).toBe('table');
	const csv = join(dir, `up-${n++}.csv`);
	writeFileSync(csv, new Uint8Array(await summary.output!.arrayBuffer()));
	const stage = `st_${n}`;
	await stageOther(conn, csv, summary.load, summary.columns, stage, summary.rows);
	const columns = summary.columns.map((c, i) => ({ name: c, type: summary.columnTypes![i]! }));
	const table = `made_${n}`;
	await createTable(conn, table, stage, columns);
	return { summary, table };
}

async function sameAsReference(table: string) {
	const types = await conn.query<{ column_name: string; column_type: string }>(
		`SELECT column_name, column_type FROM (DESCRIBE ${table})`
	);
	expect(Object.fromEntries(types.map((t) => [t.column_name, t.column_type]))).toEqual(TYPES);
	const diff = await conn.query(
		`SELECT * FROM (SELECT row_number() OVER () AS r, ${text(table)} FROM ${table}) EXCEPT SELECT r, ${text('ref_numbered')} FROM ref_numbered`
	);
	expect(diff).toEqual([]);
	const [count] = await conn.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${table}`);
	expect(count!.n).toBe(ROWS.length);
}

describe('Parquet uploads keep every value and type', () => {
	for (const codec of ['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'BROTLI'])
		it(`hyparquet-writer, ${codec}`, async () => {
			const { summary, table } = await uploadTable(
				hyparquetFile(ROWS, codec),
				`s-${codec}.parquet`
			);
			expect(summary.notes[0]).toMatchObject({ key: 'columnar', value: 'parquet' });
			expect(summary.notes[0]).toMatchObject({ detail: codec });
			await sameAsReference(table);
		});

	for (const codec of ['zstd', 'lz4_raw', 'gzip', 'snappy', 'brotli'])
		it(`native DuckDB's writer, ${codec}`, async () => {
			const path = join(dir, `duck-${codec}.parquet`);
			await conn.exec(
				`COPY ref TO '${path}' (FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE 128)`
			);
			const { table } = await uploadTable(readFileSync(path), `d-${codec}.parquet`);
			await sameAsReference(table);
			// And the same file as DuckDB itself reads it.
			const diff = await conn.query(
				`SELECT * FROM (SELECT row_number() OVER () AS r, ${text(table)} FROM ${table}) EXCEPT SELECT row_number() OVER () AS r, ${text('p')} FROM read_parquet('${path}') AS p`
			);
			expect(diff).toEqual([]);
		});
});

describe('Arrow IPC uploads keep every value and type', () => {
	for (const format of ['file', 'stream'] as const)
		it(`apache-arrow, IPC ${format}`, async () => {
			const { summary, table } = await uploadTable(
				arrowFile(ROWS, format),
				`s.${format === 'file' ? 'arrow' : 'arrows'}`
			);
			expect(summary.notes[0]).toMatchObject({ key: 'columnar', value: 'arrow' });
			await sameAsReference(table);
		});
});

describe('doubles are written as DuckDB prints them', () => {
	it('matches DuckDB on awkward magnitudes', async () => {
		const values = [
			0.1, 1e-7, 1e21, 1e16, 1e15, 123456789.123, 5e-324, -0.000125, 1.7976931348623157e308, 100,
			-3.5
		];
		for (const v of values) {
			const [r] = await conn.query<{ s: string }>(`SELECT '${v}'::DOUBLE::VARCHAR AS s`);
			expect(doubleText(v)).toBe(r!.s);
		}
	});
});

describe('a codebook table from Parquet goes through the same checks', () => {
	let shipped: NodeConnector;
	beforeAll(async () => {
		shipped = await shippedConnector();
	});

	async function incidentsParquet(where: string, edit = '') {
		const path = join(dir, `incidents-${n++}.parquet`);
		await shipped.exec(
			`COPY (SELECT * ${edit ? `REPLACE (${edit})` : ''} FROM incidents WHERE ${where} ORDER BY incident_id) TO '${path}' (FORMAT parquet, COMPRESSION zstd)`
		);
		return new File([readFileSync(path)], 'incidents.parquet');
	}

	it('detects incidents, keeps DATE and INTEGER columns, and stages the same rows', async () => {
		const file = await incidentsParquet("incident_id LIKE 'DEZ-2022-%'");
		const loaded = await uploadThrough(shipped, file);
		expect(loaded.summary.kind).toBe('incidents');
		expect(loaded.summary.errors).toBe(0);
		const diff = await shipped.query(
			`SELECT * FROM temp.${loaded.table} EXCEPT SELECT * FROM incidents WHERE incident_id LIKE 'DEZ-2022-%'`
		);
		expect(diff).toEqual([]);
		const [c] = await shipped.query<{ n: number }>(
			`SELECT count(*)::INTEGER AS n FROM incidents WHERE incident_id LIKE 'DEZ-2022-%'`
		);
		expect(loaded.rows.length).toBe(c!.n);
	});

	it('names file, record, column and value of a bad cell', async () => {
		const file = await incidentsParquet(
			"incident_id LIKE 'DEZ-2022-%'",
			`CASE WHEN incident_id = (SELECT max(incident_id) FROM incidents WHERE incident_id LIKE 'DEZ-2022-%') THEN 'not a level' ELSE time_precision::VARCHAR END AS time_precision`
		);
		const summary = await parseFile(file, {}, validateTable);
		const [c] = await shipped.query<{ n: number }>(
			`SELECT count(*)::INTEGER AS n FROM incidents WHERE incident_id LIKE 'DEZ-2022-%'`
		);
		expect(summary.errors).toBeGreaterThan(0);
		const bad = summary.issues.find((i) => i.column === 'time_precision');
		expect(bad).toMatchObject({ file: 'incidents.parquet', row: c!.n, value: 'not a level' });
	});
});

describe('bad files give a message and nothing else', () => {
	async function failure(bytes: Uint8Array<ArrayBuffer>, name: string) {
		try {
			await parseFile(new File([bytes], name), {}, validateTable);
		} catch (e) {
			expect(e).toBeInstanceOf(Failure);
			return (e as Failure).failure;
		}
		throw new Error('expected the parse to fail');
	}

	it('a truncated Parquet file', async () => {
		const whole = hyparquetFile(ROWS, 'SNAPPY');
		const f = await failure(whole.slice(0, Math.floor(whole.length / 2)), 'cut.parquet');
		expect(f).toMatchObject({ file: 'cut.parquet', code: 'columnar' });
		expect(f.detail).toMatch(/Parquet/);
	});

	it('a Parquet file with a damaged page', async () => {
		const whole = hyparquetFile(ROWS, 'GZIP');
		const broken = whole.slice();
		for (let i = 200; i < 400; i++) broken[i] = (broken[i]! * 31 + 7) & 0xff;
		const f = await failure(broken, 'damaged.parquet');
		expect(f).toMatchObject({ file: 'damaged.parquet', code: 'columnar' });
	});

	it('a file named .parquet that is not one', async () => {
		const f = await failure(new TextEncoder().encode('a,b\n1,2\n'), 'fake.parquet');
		expect(f).toMatchObject({ code: 'columnar' });
	});

	it('a truncated Arrow file', async () => {
		const whole = arrowFile(ROWS, 'file');
		const f = await failure(whole.slice(0, whole.length - 40), 'cut.arrow');
		expect(f).toMatchObject({ file: 'cut.arrow', code: 'columnar' });
	});
});
