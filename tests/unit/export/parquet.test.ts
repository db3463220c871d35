import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	Bool,
	DateDay,
	Decimal,
	Field,
	FixedSizeBinary,
	Float64,
	Int32,
	Int64,
	List,
	makeData,
	makeVector,
	Struct,
	Table,
	TimestampMicrosecond,
	Uint64,
	Utf8,
	vectorFromArray
} from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { resultToParquet } from '../../../src/lib/export/parquet';
import { ResultTable } from '../../../src/lib/grid/result';
import { NodeConnector } from '../support/node-connector';

/** A DECIMAL(38, scale) column as DuckDB-WASM sends it: 128-bit little-endian unscaled integers. */
function decimals(unscaled: (bigint | null)[], scale: number) {
	const words = new Uint32Array(unscaled.length * 4);
	const nulls = new Uint8Array(Math.ceil(unscaled.length / 8));
	unscaled.forEach((v, i) => {
		if (v === null) return;
		nulls[i >> 3]! |= 1 << (i & 7);
		let x = BigInt.asUintN(128, v);
		for (let w = 0; w < 4; w++, x >>= 32n) words[i * 4 + w] = Number(x & 0xffffffffn);
	});
	const type = new Decimal(scale, 38, 128);
	return makeVector(
		makeData({ type, length: unscaled.length, nullCount: 1, data: words, nullBitmap: nulls })
	);
}

/** Two rows shaped like a DuckDB-WASM result: every type the console must keep exact. */
function sampleResult(): ResultTable {
	const list = new List(new Field('item', new Int32(), true));
	const struct = new Struct([new Field('a', new Utf8(), true)]);
	const table = new Table({
		i: vectorFromArray([1, null], new Int32()),
		big: vectorFromArray([9007199254740993n, null], new Int64()),
		name: vectorFromArray(['دير الزور', null], new Utf8()),
		d: vectorFromArray([Date.UTC(2022, 7, 24), null], new DateDay()),
		ts: vectorFromArray([Date.UTC(2022, 7, 24, 13, 45, 10, 250), null], new TimestampMicrosecond()),
		dec: decimals([12345n, -5n], 2),
		huge: decimals([170141183460469231731687303715884105727n, null], 0),
		ok: vectorFromArray([true, null], new Bool()),
		f: vectorFromArray([1.5, null], new Float64()),
		list: vectorFromArray([[1, 2], null], list),
		st: vectorFromArray([{ a: 'x' }, null], struct)
	});
	return new ResultTable(table);
}

describe('resultToParquet', () => {
	const bytes = resultToParquet(sampleResult());

	it('reads back with hyparquet, values and NULLs intact', async () => {
		const rows = await parquetReadObjects({ file: bytes });
		expect(rows).toHaveLength(2);
		const [a, b] = rows as Record<string, unknown>[];
		expect(a!.i).toBe(1);
		expect(a!.big).toBe(9007199254740993n);
		expect(a!.name).toBe('دير الزور');
		expect((a!.d as Date).toISOString().slice(0, 10)).toBe('2022-08-24');
		expect((a!.ts as Date).toISOString()).toBe('2022-08-24T13:45:10.250Z');
		expect(a!.ok).toBe(true);
		expect(a!.f).toBe(1.5);
		expect(JSON.parse(a!.list as string)).toEqual([1, 2]);
		expect(JSON.parse(a!.st as string)).toEqual({ a: 'x' });
		expect(Object.values(b!).filter((v) => v !== null)).toHaveLength(1); // only dec is set
	});

	it('reads back with DuckDB with exact decimals and the original types', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'raqib-parquet-'));
		try {
			const file = join(dir, 'result.parquet');
			writeFileSync(file, new Uint8Array(bytes));
			const conn = await NodeConnector.open();
			const types = await conn.query<{ column_name: string; column_type: string }>(
				`DESCRIBE SELECT * FROM read_parquet('${file}')`
			);
			expect(Object.fromEntries(types.map((t) => [t.column_name, t.column_type]))).toMatchObject({
				i: 'INTEGER',
				big: 'BIGINT',
				name: 'VARCHAR',
				d: 'DATE',
				dec: 'DECIMAL(38,2)',
				huge: 'DECIMAL(38,0)',
				ok: 'BOOLEAN',
				f: 'DOUBLE'
			});
			const rows = await conn.query(
				`SELECT big::VARCHAR AS big, d::VARCHAR AS d, dec::VARCHAR AS dec, huge::VARCHAR AS huge, name
				 FROM read_parquet('${file}')`
			);
			expect(rows).toEqual([
				{
					big: '9007199254740993',
					d: '2022-08-24',
					dec: '123.45',
					huge: '170141183460469231731687303715884105727',
					name: 'دير الزور'
				},
				{ big: null, d: null, dec: '-0.05', huge: null, name: null }
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('resultToParquet with unsigned 64- and 128-bit integers', () => {
	/** UHUGEINT as DuckDB-WASM sends it: 16 little-endian bytes. */
	function uhugeints(values: bigint[]) {
		const bytes = new Uint8Array(values.length * 16);
		values.forEach((v, i) => {
			for (let b = 0; b < 16; b++, v >>= 8n) bytes[i * 16 + b] = Number(v & 0xffn);
		});
		return makeVector(
			makeData({ type: new FixedSizeBinary(16), length: values.length, data: bytes })
		);
	}
	const layout = (types: string[]) =>
		types.map((type, i) => ({ name: ['ub', 'uh'][i]!, type, value: i, text: null }));

	it('writes UBIGINT above 2^63 and UHUGEINT up to 10^38 - 1 so DuckDB reads the same digits', async () => {
		const table = new Table({
			ub: vectorFromArray([18446744073709551615n, 9223372036854775808n], new Uint64()),
			uh: uhugeints([10n ** 38n - 1n, 5n])
		});
		const bytes = resultToParquet(new ResultTable(table, layout(['UBIGINT', 'UHUGEINT'])));
		const dir = mkdtempSync(join(tmpdir(), 'raqib-parquet-'));
		try {
			const file = join(dir, 'u.parquet');
			writeFileSync(file, new Uint8Array(bytes));
			const conn = await NodeConnector.open();
			expect(
				await conn.query(`SELECT ub::VARCHAR AS ub, uh::VARCHAR AS uh FROM read_parquet('${file}')`)
			).toEqual([
				{ ub: '18446744073709551615', uh: '99999999999999999999999999999999999999' },
				{ ub: '9223372036854775808', uh: '5' }
			]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('refuses a UHUGEINT column by name when a value does not fit', () => {
		const table = new Table({
			ub: vectorFromArray([1n], new Uint64()),
			uh: uhugeints([2n ** 128n - 1n])
		});
		expect(() => resultToParquet(new ResultTable(table, layout(['UBIGINT', 'UHUGEINT'])))).toThrow(
			/Column "uh" \(UHUGEINT\)/
		);
	});
});
