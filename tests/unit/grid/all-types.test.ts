import { beforeAll, describe, expect, it } from 'vitest';
import { resultToDelimited } from '../../../src/lib/export/result-csv';
import { writeDelimited } from '../../../src/lib/export/delimited';
import { ResultTable } from '../../../src/lib/grid/result';
import { sortOrder } from '../../../src/lib/grid/sort';
import { describeResult, displayQuery } from '../../../src/lib/query/display';
import { wasmDuckDB } from '../support/wasm-node';

let engine: Awaited<ReturnType<typeof wasmDuckDB>>;
// Compiling the WebAssembly engine takes seconds, more on a busy machine.
beforeAll(async () => {
	engine = await wasmDuckDB();
}, 180_000);

/** A statement as the console runs it: described, then run with DuckDB's text beside. */
function display(statement: string): ResultTable {
	const described = engine
		.query(describeResult(statement))
		.toArray()
		.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
	const plan = displayQuery(statement, described);
	return new ResultTable(engine.query(plan.sql ?? statement), plan.columns);
}

/** DuckDB's own `::VARCHAR` text of every cell of the statement's result. */
function varchar(statement: string): (string | null)[][] {
	const table = engine.query(`SELECT CAST(COLUMNS(*) AS VARCHAR) FROM (${statement}) t`);
	return Array.from({ length: table.numRows }, (_, r) =>
		table.schema.fields.map((_f, c) => (table.getChildAt(c)!.get(r) as string | null) ?? null)
	);
}

function shown(result: ResultTable): (string | null)[][] {
	return Array.from({ length: result.numRows }, (_, r) =>
		result.columns.map((_c, c) => result.text(r, c))
	);
}

describe('every DuckDB type is shown as DuckDB prints it', () => {
	it('test_all_types(): each column and row equals ::VARCHAR of the same value', () => {
		const statement = 'SELECT * FROM test_all_types()';
		const result = display(statement);
		const expected = varchar(statement);
		expect(result.columns.length).toBeGreaterThan(50);
		expect(result.numRows).toBe(3);
		for (const [c, col] of result.columns.entries())
			for (let r = 0; r < result.numRows; r++)
				expect(result.text(r, c), `${col.name} (${col.type}) row ${r + 1}`).toBe(expected[r]![c]);
	});

	it('CSV and TSV exports carry the same DuckDB text', () => {
		const statement = 'SELECT * FROM test_all_types()';
		const result = display(statement);
		const columns = result.columns.map((c) => ({ name: c.name, text: !c.numeric }));
		for (const delimiter of [',', '\t'] as const)
			expect(resultToDelimited(result, { delimiter })).toBe(
				writeDelimited(columns, varchar(statement), { delimiter })
			);
	});

	it('the same through CALL, and with every column sortable without a throw', () => {
		const result = display('CALL test_all_types()');
		expect(shown(result)).toEqual(varchar('SELECT * FROM test_all_types()'));
		for (let c = 0; c < result.columns.length; c++) {
			expect(() => sortOrder(result, c, 'asc')).not.toThrow();
			expect(Array.from(sortOrder(result, c, 'desc')).sort()).toEqual([0, 1, 2]);
		}
	});

	it('marks numbers (UHUGEINT, DECIMAL, FLOAT included) for right alignment, and nothing else', () => {
		const result = display('SELECT * FROM test_all_types()');
		const numeric = result.columns.filter((c) => c.numeric).map((c) => c.name);
		expect(numeric).toEqual(
			expect.arrayContaining(['tinyint', 'hugeint', 'uhugeint', 'ubigint', 'float', 'double'])
		);
		expect(numeric).toEqual(expect.arrayContaining(['dec_4_1', 'dec38_10']));
		for (const other of ['date', 'time', 'interval', 'varchar', 'blob', 'uuid', 'small_enum'])
			expect(numeric).not.toContain(other);
	});

	it('sorts UHUGEINT and DECIMAL(38) by value, not by bytes or rounded floats', () => {
		const result = display(
			`SELECT * FROM (VALUES (340282366920938463463374607431768211455::UHUGEINT, 99999999999999999999999999999999999999::DECIMAL(38,0)),
			 (2::UHUGEINT, 99999999999999999999999999999999999998::DECIMAL(38,0)),
			 (256::UHUGEINT, 1::DECIMAL(38,0))) v(u, d)`
		);
		const texts = (c: number) => {
			result.order = sortOrder(result, c, 'asc');
			return Array.from({ length: 3 }, (_, r) => result.text(r, c));
		};
		expect(texts(0)).toEqual(['2', '256', '340282366920938463463374607431768211455']);
		expect(texts(1)).toEqual([
			'1',
			'99999999999999999999999999999999999998',
			'99999999999999999999999999999999999999'
		]);
	});
});

describe('a result without DuckDB text (EXPLAIN, PRAGMA) still never breaks', () => {
	it('test_all_types() read by JS alone: every cell is text or NULL, none throws, none is NaN', () => {
		const result = new ResultTable(engine.query('SELECT * FROM test_all_types()'));
		for (const [c, col] of result.columns.entries())
			for (let r = 0; r < result.numRows; r++) {
				const text = result.text(r, c);
				expect(text === null || typeof text === 'string', col.name).toBe(true);
				expect(text ?? '', `${col.name} row ${r + 1}`).not.toMatch(/NaN/);
			}
	});
});
