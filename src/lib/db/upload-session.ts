/**
 * What the upload page asks of the database: stage a parsed file, compare,
 * apply (saving it for replay inside the same transaction, holding the
 * cross-tab lock: ./tabs.ts), create other tables, export. Saved uploads are
 * managed in ./saved-session.ts. Runs on its own connection so staging never
 * shares a transaction with the dashboards' queries.
 */
import type { TableName } from '$lib/schema/tables';
import { exportTableSql } from '$lib/query/export-table';
import type { Known } from '$lib/ingest/types';
import { engine, init } from './index';
import { change, storeStamp, tab } from './tabs';
import { serial, UPLOAD } from './upload-queue';
import type { WasmConnector } from './wasm';
import { exportCsv, registerBlob } from './files';
import type { CsvDialect } from './csv-read';
import { changedValues, type Change } from './exact';
import {
	applyStaged,
	createTable,
	diffStaged,
	dropStage,
	stageName,
	stage,
	stageOther,
	tableNames,
	type ApplyMode,
	type ColumnType,
	type Diff,
	type NewEntries
} from './staging';
import { queueSnapshot } from './snapshot-keep';
import { quoteIdent } from '$lib/query/sql';
import { saveUpload, type SavedUpload, type SkippedRecord, type StoredUploads } from './store';

export type {
	ApplyMode,
	Change,
	ColumnType,
	CsvDialect,
	Diff,
	NewEntries,
	SavedUpload,
	SkippedRecord,
	StoredUploads
};
export { RowCountError } from './csv-read';
export { ExactnessError } from './exact';
export { StorageFullError } from './store';
export { StaleUploadError } from './tabs';
export { replayProblems } from './index';

/** A file registered with DuckDB, its dialect, and its staging table, for one pending upload. */
export interface Staged {
	file: string;
	data: Blob;
	dialect: CsvDialect;
	table: string;
	/** The saved uploads when this file was checked (./tabs.ts). */
	stamp: string;
}

async function register(data: Blob, dialect: CsvDialect): Promise<Staged> {
	const file = await registerBlob(await init(), data);
	return { file, data, dialect, table: stageName(), stamp: await storeStamp() };
}

async function release(conn: WasmConnector, staged: Staged): Promise<void> {
	await dropStage(conn, staged.table);
	await (await init()).dropFile(staged.file);
}

/** Forget a pending upload: its staging table and its registered file. */
export function discard(staged: Staged): Promise<void> {
	return serial((conn) => release(conn, staged));
}

/**
 * Load CSV rows (UTF-8, the table's header, in `dialect`) into a staging
 * table and compare them with the live table. Throws RowCountError when
 * DuckDB reads another number of rows than the parser's `rows`, and
 * ExactnessError when the codebook types would change a value.
 */
export function stageRows(
	table: TableName,
	data: Blob,
	dialect: CsvDialect,
	rows: number
): Promise<{ staged: Staged; diff: Diff }> {
	return serial(async (conn) => {
		const staged = await register(data, dialect);
		try {
			await stage(conn, table, staged.file, staged.table, dialect, rows);
			return { staged, diff: await diffStaged(conn, table, staged.table) };
		} catch (error) {
			await release(conn, staged);
			throw error;
		}
	});
}

/**
 * Swap staged rows (and kept extra columns) in and save the upload, in one
 * transaction. Resolves once applied, with `snapshot` to call once the
 * pages have re-queried: it queues the Arrow snapshot of the staged rows
 * (kept until then) and resolves true when stored (./snapshot-keep.ts).
 */
export function applyRows(
	staged: Staged,
	meta: { file: string; table: TableName; mode: ApplyMode; rows: number; entries: NewEntries },
	extra: { data: Blob; columns: string[] } | null
): Promise<{ snapshot: () => Promise<boolean> }> {
	return change(() =>
		serial(async (conn) => {
			const db = await init();
			const extraFile = extra ? await registerBlob(db, extra.data) : null;
			try {
				await tab.check(staged.stamp);
				let id = 0;
				const save = async () => {
					id = await saveUpload({
						...meta,
						time: new Date().toISOString(),
						data: staged.data,
						delimiter: staged.dialect.delimiter,
						newLine: staged.dialect.newLine,
						...(extra ? { extra } : {})
					});
					// The staged rows outlive the apply under another name, for the snapshot queued below.
					await conn.exec(
						`ALTER TABLE temp.${quoteIdent(staged.table)} RENAME TO ${quoteIdent(kept)}`
					);
				};
				const kept = stageName();
				const columns = extra && extraFile ? { file: extraFile, columns: extra.columns } : null;
				await applyStaged(conn, meta.table, staged.table, meta.mode, meta.entries, save, columns);
				return { snapshot: () => queueSnapshot(id, { temp: kept }) };
			} finally {
				await release(conn, staged);
				if (extraFile) await db.dropFile(extraFile);
			}
		})
	);
}

/**
 * Stage any other CSV as text, check its row count against the parser's
 * `rows`, and choose each column's type over every value (../db/exact.ts).
 */
export function sniffTable(
	data: Blob,
	dialect: CsvDialect,
	names: readonly string[],
	rows: number
): Promise<{ staged: Staged; columns: ColumnType[] }> {
	return serial(async (conn) => {
		const staged = await register(data, dialect);
		try {
			const columns = await stageOther(conn, staged.file, dialect, names, staged.table, rows);
			return { staged, columns };
		} catch (error) {
			await release(conn, staged);
			throw error;
		}
	});
}

/** The values of a staged column that `type` would change: how many, and the first few. */
export function checkType(
	staged: Staged,
	column: string,
	type: string
): Promise<{ count: number; first: Change[] }> {
	return serial((conn) => changedValues(conn, staged.table, column, type));
}

/**
 * Create the table from the staged text with the chosen types, and save the
 * upload, in one transaction. Throws ExactnessError (nothing created or
 * saved) when a type would change a value.
 */
export function createFromUpload(
	staged: Staged,
	meta: { file: string; name: string; columns: ColumnType[] }
): Promise<{ rows: number; snapshot: () => Promise<boolean> }> {
	return change(() =>
		serial(async (conn) => {
			try {
				await tab.check(staged.stamp);
				let id = 0;
				const rows = await createTable(
					conn,
					meta.name,
					staged.table,
					meta.columns,
					async (rows) => {
						id = await saveUpload({
							file: meta.file,
							time: new Date().toISOString(),
							table: meta.name,
							mode: 'create',
							rows,
							data: staged.data,
							delimiter: staged.dialect.delimiter,
							newLine: staged.dialect.newLine,
							types: Object.fromEntries(meta.columns.map((c) => [c.name, c.type]))
						});
					}
				);
				return { rows, snapshot: () => queueSnapshot(id, { main: meta.name }) };
			} finally {
				await release(conn, staged);
			}
		})
	);
}

export function existingTables(): Promise<string[]> {
	return serial(tableNames);
}

/** The companion-table values an upload's rows may name. */
export function knownValues(): Promise<Known> {
	return serial(readKnown);
}

async function readKnown(conn: WasmConnector): Promise<Known> {
	const values = async (sql: string) =>
		(await conn.query<{ v: string }>(sql)).map((r) => r.v).filter((v) => v !== null);
	return {
		actors: await values('SELECT "actor" AS v FROM "actors"'),
		targets: await values('SELECT "target" AS v FROM "targets"'),
		places: await values('SELECT "place_id" AS v FROM "places"'),
		reports: await values('SELECT "report_id" AS v FROM "reports"'),
		placeNames: (
			await conn.query<{ name: string; id: string }>(
				`SELECT name, "place_id" AS id FROM (SELECT "name_en" AS name, "place_id" FROM "places" UNION ALL SELECT "name_ar", "place_id" FROM "places") WHERE name IS NOT NULL`
			)
		).map((r) => [r.name, r.id] as [string, string]),
		placeAdmin1: (
			await conn.query<{ id: string; a: string }>(
				'SELECT "place_id" AS id, "admin1" AS a FROM "places" WHERE "admin1" IS NOT NULL'
			)
		).map((r) => [r.id, r.a] as [string, string]),
		targetTypes: (
			await conn.query<{ a: string; b: string }>(
				'SELECT "target" AS a, "target_type" AS b FROM "targets" WHERE "target_type" IS NOT NULL'
			)
		).map((r) => [r.a, r.b] as [string, string]),
		reportMeta: (
			await conn.query<{ id: string; p: string | null; c: string | null }>(
				'SELECT "report_id" AS id, "published" AS p, "date_confidence" AS c FROM "reports"'
			)
		).map((r) => [r.id, r.p ?? '', r.c ?? ''] as [string, string, string])
	};
}

/** A SELECT's result as CSV bytes. */
export async function exportQuery(select: string): Promise<Uint8Array> {
	const db = await init();
	return serial((conn) => exportCsv(db, conn, select));
}

/** Stop the staging query running on the upload connection, if any. */
export async function cancelStaging(): Promise<void> {
	// Not queued: it must reach the statement that is running now.
	await (await engine.session(UPLOAD)).cancel();
}

/**
 * A codebook table as CSV in the upload format: the codebook's columns in
 * order (optionally under ACLED's names), sorted by key, text
 * spreadsheet-safe ($lib/csv/spreadsheet-safe), so uploading it back
 * unchanged adds and updates nothing.
 */
export async function exportTable(
	table: TableName,
	renamed: Record<string, string> = {}
): Promise<Uint8Array> {
	return exportQuery(exportTableSql(table, renamed));
}
