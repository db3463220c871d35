/**
 * An upload as the browser runs it, on native DuckDB: the worker's parse
 * (parseFile), then the engine's staging with the explicit dialect and the
 * row-count check. Returns the summary and the rows as DuckDB stored them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFile } from '../../../src/lib/ingest/pipeline';
import { validateTable } from '../../../src/lib/ingest/validate';
import type { ParseOptions, ParseSummary } from '../../../src/lib/ingest/types';
import { RECORD } from '../../../src/lib/db/csv-read';
import { stage, stageOther, type ColumnType } from '../../../src/lib/db/staging';
import type { NodeConnector } from './node-connector';

const dir = mkdtempSync(join(tmpdir(), 'raqib-upload-'));
let n = 0;

export interface Loaded {
	summary: ParseSummary;
	/** For a new table: the types chosen over every value. */
	columns: ColumnType[];
	/** The staged rows, as text, in file order (NULL for an empty cell). */
	rows: (string | null)[][];
	/** The staging table's name (text for a new table, typed for a codebook table). */
	table: string;
}

export async function uploadThrough(
	conn: NodeConnector,
	file: File,
	options: ParseOptions = {},
	chunkBytes?: number
): Promise<Loaded> {
	const summary = await parseFile(file, options, validateTable, undefined, chunkBytes);
	const data = summary.output ?? file.slice(summary.bom);
	const path = join(dir, `upload-${n++}.csv`);
	writeFileSync(path, new Uint8Array(await data.arrayBuffer()));
	const table = `up_${n}`;
	let columns: ColumnType[] = [];
	let select: string;
	if (summary.kind === 'table') {
		columns = await stageOther(conn, path, summary.load, summary.columns, table, summary.rows);
		select = `SELECT * EXCLUDE (${RECORD}) FROM temp.${table} ORDER BY ${RECORD}`;
	} else {
		await stage(conn, summary.kind, path, table, summary.load, summary.rows);
		select = `SELECT * FROM temp.${table}`;
	}
	const rows = (await conn.query(select)).map((r) =>
		Object.values(r).map((v) => (v === null ? null : String(v)))
	);
	return { summary, columns, rows, table };
}

/** A file from bytes or text, as a picked File. */
export const fileOf = (data: BlobPart, name = 'test.csv') => new File([data], name);
