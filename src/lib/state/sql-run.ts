import { makeVector, Table } from 'apache-arrow';
import type { WasmConnector } from '$lib/db';
import type { ResultTable } from '$lib/grid/result';
import type { SortDirection } from '$lib/grid/sort';
import { describeResult, displayQuery, type DisplayQuery } from '$lib/query/display';
import { dropSortTable, resultOrder, SORT_TABLE } from '$lib/query/result-order';

/**
 * How the console runs its last statement so every value can be shown as
 * DuckDB prints it (see $lib/query/display): the statement's columns and
 * DuckDB types from DESCRIBE, and the query adding DuckDB's text beside the
 * columns that need it. Null when the statement cannot be described as a
 * subquery (EXPLAIN, PRAGMA): it then runs as written.
 */
export async function displayPlan(
	conn: WasmConnector,
	statement: string
): Promise<DisplayQuery | null> {
	try {
		const rows = await conn.query<{ column_name: string; column_type: string }>(
			describeResult(statement)
		);
		return displayQuery(
			statement,
			rows.map((r) => ({ name: r.column_name, type: r.column_type }))
		);
	} catch {
		return null; // not describable, or an error the real run reports with its position
	}
}

/** The displayed order of a large result, computed by DuckDB from one column and the row index. */
export async function engineOrder(
	conn: WasmConnector,
	result: ResultTable,
	column: number,
	dir: SortDirection
): Promise<Uint32Array> {
	const index = new Int32Array(result.numRows);
	for (let r = 0; r < index.length; r++) index[r] = r;
	const scratch = new Table({
		v: result.columns[column]!.vector!,
		i: makeVector(index)
	});
	try {
		await conn.insertArrow(scratch, SORT_TABLE);
		const sorted = await conn.arrow(resultOrder(dir));
		return Uint32Array.from(sorted.getChildAt(0)!.toArray() as Int32Array);
	} finally {
		await conn.exec(dropSortTable()).catch(() => {});
	}
}
