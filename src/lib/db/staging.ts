/**
 * Uploads go through a staging table: the file is read into a TEMP table
 * (typed by the codebook, so a bad value fails here, before anything
 * changes), compared with the live table, and then swapped in inside one
 * transaction. Any failure rolls back, leaving the tables exactly as they were.
 */
import { TABLE_COLUMNS, TABLE_KEYS, type TableName } from '$lib/schema/tables';
import { quoteIdent, quoteLiteral } from '$lib/query/sql';
import type { Connector } from './connector';
import { readCsvTyped } from './ddl';

export type ApplyMode = 'upsert' | 'replace';

/** Added, updated, unchanged rows of the upload, and (for replace) live rows that would go. */
export interface Diff {
	rows: number;
	added: number;
	updated: number;
	unchanged: number;
	removed: number;
}

/** Companion-table entries an upload adds because its rows name them. */
export interface NewEntries {
	actors: string[];
	/** A target with the target_type the upload gives it (the incident's own must agree). */
	targets: { name: string; type?: string }[];
	places: string[];
}

let stages = 0;
/** A fresh name for a staging table (TEMP: private to the connection, gone with it). */
export const stageName = () => `raqib_stage_${++stages}`;
const key = (table: TableName) => TABLE_KEYS[table];
const columnList = (table: TableName, alias = '') =>
	TABLE_COLUMNS[table].map((c) => alias + quoteIdent(c.name)).join(', ');

/** Read a registered clean CSV for `table` into staging table `into`; throws on any value of the wrong type. */
export async function stage(
	conn: Connector,
	table: TableName,
	file: string,
	into: string
): Promise<void> {
	await conn.exec(
		`CREATE OR REPLACE TEMP TABLE ${quoteIdent(into)} AS SELECT * FROM ${readCsvTyped(table, file)}`
	);
}

export async function dropStage(conn: Connector, name: string): Promise<void> {
	await conn.exec(`DROP TABLE IF EXISTS temp.${quoteIdent(name)}`);
}

/** How the staged rows compare with the live table, row by row on every column. */
export async function diffStaged(conn: Connector, table: TableName, staged: string): Promise<Diff> {
	const k = quoteIdent(key(table));
	const s = `temp.${quoteIdent(staged)}`;
	const t = `main.${quoteIdent(table)}`;
	const changed = `row(${columnList(table, 's.')}) IS DISTINCT FROM row(${columnList(table, 't.')})`;
	const [d] = await conn.query<Diff>(`SELECT count(*)::INTEGER AS rows,
	count(*) FILTER (WHERE t.${k} IS NULL)::INTEGER AS added,
	count(*) FILTER (WHERE t.${k} IS NOT NULL AND ${changed})::INTEGER AS updated,
	count(*) FILTER (WHERE t.${k} IS NOT NULL AND NOT (${changed}))::INTEGER AS unchanged,
	(SELECT count(*) FROM ${t} AS t WHERE NOT EXISTS (SELECT 1 FROM ${s} AS s WHERE s.${k} = t.${k}))::INTEGER AS removed
FROM ${s} AS s LEFT JOIN ${t} AS t ON s.${k} = t.${k}`);
	return d!;
}

/**
 * Swap the staged rows in: upsert (rows with a staged key are replaced, new
 * keys added) or replace (the table becomes exactly the staged rows), plus
 * any accepted new companion entries. `persist` runs inside the transaction,
 * so if saving the upload fails (quota), nothing is applied either.
 */
export async function applyStaged(
	conn: Connector,
	table: TableName,
	staged: string,
	mode: ApplyMode,
	entries: NewEntries,
	persist: () => Promise<void> = async () => {},
	extra: ExtraColumns | null = null
): Promise<void> {
	const k = quoteIdent(key(table));
	const s = `temp.${quoteIdent(staged)}`;
	const t = `main.${quoteIdent(table)}`;
	await transaction(conn, async () => {
		await conn.exec(
			mode === 'replace'
				? `DELETE FROM ${t}`
				: `DELETE FROM ${t} WHERE ${k} IN (SELECT ${k} FROM ${s})`
		);
		await conn.exec(
			`INSERT INTO ${t} (${columnList(table)}) SELECT ${columnList(table)} FROM ${s}`
		);
		await addEntries(conn, entries);
		if (extra) await upsertExtra(conn, table, extra);
		await persist();
	});
	await dropStage(conn, staged);
}

/** Columns of an upload kept beside a codebook table: a registered CSV of the key and those columns. */
export interface ExtraColumns {
	file: string;
	columns: string[];
}

/** The side table that keeps extra columns of `table`'s uploads, for SQL: `<table>_extra`. */
export const extraTable = (table: TableName) => `${table}_extra`;

/** Upsert kept columns, as text, by key into `<table>_extra` (created and widened as needed). */
async function upsertExtra(conn: Connector, table: TableName, extra: ExtraColumns): Promise<void> {
	const t = `main.${quoteIdent(extraTable(table))}`;
	const k = quoteIdent(key(table));
	const names = extra.columns.map(quoteIdent);
	await conn.exec(`CREATE TABLE IF NOT EXISTS ${t} (${k} VARCHAR)`);
	for (const n of names) await conn.exec(`ALTER TABLE ${t} ADD COLUMN IF NOT EXISTS ${n} VARCHAR`);
	const source = `read_csv(${quoteLiteral(extra.file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${[key(table), ...extra.columns].map((c) => `${quoteLiteral(c)}: 'VARCHAR'`).join(', ')}})`;
	await conn.exec(`DELETE FROM ${t} WHERE ${k} IN (SELECT ${k} FROM ${source})`);
	await conn.exec(
		`INSERT INTO ${t} (${[k, ...names].join(', ')}) SELECT ${[k, ...names].join(', ')} FROM ${source}`
	);
}

/** New actors, targets and places, named only (a target with its type): the rest is for the user to fill. */
export async function addEntries(conn: Connector, entries: NewEntries): Promise<void> {
	const rows: { table: string; values: Record<string, string | null> }[] = [
		...entries.actors.map((actor) => ({ table: 'actors', values: { actor } })),
		...entries.targets.map((t) => ({
			table: 'targets',
			values: { target: t.name, target_type: t.type ?? null }
		})),
		...entries.places.map((p) => ({ table: 'places', values: { place_id: p, name_en: p } }))
	];
	for (const { table, values } of rows) {
		const names = Object.keys(values);
		const k = quoteIdent(names[0]!);
		await conn.query({
			sql: `INSERT INTO ${quoteIdent(table)} (${names.map(quoteIdent).join(', ')}) SELECT ${names.map(() => '?').join(', ')} WHERE NOT EXISTS (SELECT 1 FROM ${quoteIdent(table)} WHERE ${k} = ?)`,
			params: [...Object.values(values), values[names[0]!]!]
		});
	}
}

/** Run `body` between BEGIN and COMMIT; ROLLBACK and rethrow on any failure. */
export async function transaction(conn: Connector, body: () => Promise<void>): Promise<void> {
	await conn.exec('BEGIN TRANSACTION');
	try {
		await body();
		await conn.exec('COMMIT');
	} catch (error) {
		await conn.exec('ROLLBACK').catch(() => {});
		throw error;
	}
}

/**
 * `read_csv(…)` for any other CSV: our dialect, DuckDB's sniffer for types
 * (overridden by `types`). strict_mode: a ragged row or stray quote is an
 * error naming its line, not a silently padded row. allow_quoted_nulls off:
 * `""` is an empty string, as RFC 4180 says; only a truly empty field is NULL.
 */
export function readCsvSniffed(
	file: string,
	delimiter: string,
	types: Record<string, string> = {}
): string {
	const overrides = Object.entries(types).map(([n, t]) => `${quoteLiteral(n)}: ${quoteLiteral(t)}`);
	const typeArg = overrides.length ? `, types = {${overrides.join(', ')}}` : '';
	return `read_csv(${quoteLiteral(file)}, header = true, delim = ${quoteLiteral(delimiter)}, quote = '"', escape = '"', strict_mode = true, allow_quoted_nulls = false${typeArg})`;
}

export interface ColumnType {
	name: string;
	type: string;
}

/** The column names and types DuckDB's sniffer infers for a CSV. */
export async function describeCsv(conn: Connector, source: string): Promise<ColumnType[]> {
	const rows = await conn.query<{ column_name: string; column_type: string }>(
		`DESCRIBE SELECT * FROM ${source}`
	);
	return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
}

/** Create (or replace) a table from a CSV in one transaction, persisting inside it. */
export async function createTable(
	conn: Connector,
	name: string,
	source: string,
	persist: (rows: number) => Promise<void> = async () => {}
): Promise<number> {
	let rows = 0;
	await transaction(conn, async () => {
		await conn.exec(`CREATE OR REPLACE TABLE main.${quoteIdent(name)} AS SELECT * FROM ${source}`);
		const [r] = await conn.query<{ n: number }>(
			`SELECT count(*)::INTEGER AS n FROM main.${quoteIdent(name)}`
		);
		rows = r?.n ?? 0;
		await persist(rows);
	});
	return rows;
}

/** Names of the tables in the main schema. */
export async function tableNames(conn: Connector): Promise<string[]> {
	const rows = await conn.query<{ name: string }>(
		`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database()`
	);
	return rows.map((r) => r.name);
}

export async function dropTable(conn: Connector, name: string): Promise<void> {
	await conn.exec(`DROP TABLE IF EXISTS main.${quoteIdent(name)}`);
}
