/**
 * Uploads go through a staging table: the file is read into a TEMP table
 * (typed by the codebook, so a bad value fails here, before anything
 * changes), compared with the live table, and then swapped in inside one
 * transaction. Any failure rolls back, leaving the tables exactly as they were.
 */
import { TABLE_COLUMNS, TABLE_KEYS, type TableName } from '$lib/schema/tables';
import { quoteIdent } from '$lib/query/sql';
import type { Connector } from './connector';
import { duckType } from './ddl';
import { PLAIN, RECORD, readCsvExact, stageText, type CsvDialect } from './csv-read';
import { ExactnessError, castSql, changedValues, inferTypes, safeType } from './exact';

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
	/** A name only (saved uploads before ACLED imports), or with the side chosen and its inter code. */
	actors: (string | { name: string; side: string; inter?: number })[];
	/** A target with the target_type the upload gives it (the incident's own must agree). */
	targets: { name: string; type?: string }[];
	/** A place_id only (its name the same), or a place an ACLED import describes (cells as written). */
	places: (string | Record<string, string>)[];
}

/** A fresh name for a staging table (TEMP: private to the connection, gone with it); random, so no counter is kept. */
export const stageName = () => `raqib_stage_${crypto.randomUUID().replaceAll('-', '')}`;
const key = (table: TableName) => TABLE_KEYS[table];
const columnList = (table: TableName, alias = '') =>
	TABLE_COLUMNS[table].map((c) => alias + quoteIdent(c.name)).join(', ');

/** The text copy of a staging table (every column VARCHAR, with record numbers). */
const textOf = (name: string) => `${name}_text`;

/**
 * Read a registered CSV with `table`'s header (in the explicit `dialect`)
 * into staging table `into`, typed by the codebook. Throws RowCountError when
 * DuckDB reads another number of rows than `expected`, a cast error on a
 * value of the wrong type, and ExactnessError when a cast would change a
 * value (0012 → 12). Cells are stored trimmed, as the validator compared
 * them (it warns about the spaces); an empty cell is NULL.
 */
export async function stage(
	conn: Connector,
	table: TableName,
	file: string,
	into: string,
	dialect: CsvDialect = PLAIN,
	expected?: number
): Promise<void> {
	const specs = TABLE_COLUMNS[table];
	const text = textOf(into);
	await stageText(
		conn,
		file,
		dialect,
		specs.map((c) => c.name),
		text,
		expected
	);
	try {
		const typed = specs.map((c) => {
			const v = `NULLIF(trim(${quoteIdent(c.name)}), '')`;
			return `CAST(${v} AS ${duckType(c.type, c.scale)}) AS ${quoteIdent(c.name)}`;
		});
		const trimmed = specs.map((c) => {
			const n = quoteIdent(c.name);
			return `NULLIF(trim(${n}), '') AS ${n}`;
		});
		await conn.exec(
			`CREATE OR REPLACE TEMP TABLE ${quoteIdent(textOf(text))} AS SELECT ${RECORD}, ${trimmed.join(', ')} FROM temp.${quoteIdent(text)}`
		);
		for (const c of specs) {
			const type = duckType(c.type, c.scale);
			if (type === 'VARCHAR') continue;
			const changed = await changedValues(conn, textOf(text), c.name, type);
			if (changed.count > 0) throw new ExactnessError(changed.count, changed.first);
		}
		await conn.exec(
			`CREATE OR REPLACE TEMP TABLE ${quoteIdent(into)} AS SELECT ${typed.join(', ')} FROM temp.${quoteIdent(text)} ORDER BY ${RECORD}`
		);
	} finally {
		await dropStage(conn, text);
		await dropStage(conn, textOf(text));
	}
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
	const source = readCsvExact(
		extra.file,
		PLAIN,
		[key(table), ...extra.columns].map((c) => [c, 'VARCHAR'] as const)
	);
	await conn.exec(`DELETE FROM ${t} WHERE ${k} IN (SELECT ${k} FROM ${source})`);
	await conn.exec(
		`INSERT INTO ${t} (${[k, ...names].join(', ')}) SELECT ${[k, ...names].join(', ')} FROM ${source}`
	);
}

/** Rows per INSERT of new entries (each row binds one parameter per column). */
const ENTRY_BATCH = 500;

/**
 * New actors, targets and places: what the upload gives (a name, an actor's
 * side and inter code, an imported place's coordinates and admin names); the
 * rest is for the user to fill. Entries already present are left alone.
 * Empty cells are stored as NULL; DuckDB casts coordinates on insert.
 */
export async function addEntries(conn: Connector, entries: NewEntries): Promise<void> {
	const actors = entries.actors.map((a): Record<string, string> =>
		typeof a === 'string'
			? { actor: a }
			: { actor: a.name, side: a.side, acled_inter: a.inter ? String(a.inter) : '' }
	);
	const targets = entries.targets.map((t) => ({ target: t.name, target_type: t.type ?? '' }));
	const places = entries.places.map((p) =>
		typeof p === 'string' ? { place_id: p, name_en: p } : p
	);
	await insertNew(conn, 'actors', actors);
	await insertNew(conn, 'targets', targets);
	await insertNew(conn, 'places', places);
}

async function insertNew(
	conn: Connector,
	table: 'actors' | 'targets' | 'places',
	rows: Record<string, string>[]
): Promise<void> {
	const names = TABLE_COLUMNS[table].map((c) => c.name).filter((n) => rows.some((r) => n in r));
	const k = quoteIdent(TABLE_KEYS[table]);
	for (let i = 0; i < rows.length; i += ENTRY_BATCH) {
		const batch = rows.slice(i, i + ENTRY_BATCH);
		const tuple = `(${names.map(() => '?').join(', ')})`;
		const cols = names.map(quoteIdent).join(', ');
		await conn.query({
			sql: `INSERT INTO ${quoteIdent(table)} (${cols})
SELECT DISTINCT ON (${k}) * FROM (VALUES ${batch.map(() => tuple).join(', ')}) AS v(${cols})
WHERE ${k} NOT IN (SELECT ${k} FROM ${quoteIdent(table)} WHERE ${k} IS NOT NULL)`,
			params: batch.flatMap((r) => names.map((n) => (r[n] ? r[n] : null)))
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

export interface ColumnType {
	name: string;
	type: string;
}

/**
 * Stage any other CSV as text (every column VARCHAR) in TEMP table `into`,
 * checking the row count, and choose each column's type over every value:
 * the first of BIGINT, DOUBLE, DATE, TIMESTAMP, BOOLEAN that changes no
 * value, else VARCHAR (./exact.ts).
 */
export async function stageOther(
	conn: Connector,
	file: string,
	dialect: CsvDialect,
	names: readonly string[],
	into: string,
	expected?: number
): Promise<ColumnType[]> {
	await stageText(conn, file, dialect, names, into, expected);
	const types = await inferTypes(conn, into, names);
	return names.map((name, i) => ({ name, type: types[i]! }));
}

/**
 * Create (or replace) table `name` from a text staging table with the given
 * column types, in one transaction, persisting inside it. Throws
 * ExactnessError (nothing created) when a type would change a value.
 */
export async function createTable(
	conn: Connector,
	name: string,
	stage: string,
	columns: readonly ColumnType[],
	persist: (rows: number) => Promise<void> = async () => {}
): Promise<number> {
	for (const c of columns) {
		const changed = await changedValues(conn, stage, c.name, safeType(c.type));
		if (changed.count > 0) throw new ExactnessError(changed.count, changed.first);
	}
	const select = columns
		.map((c) => `${castSql(quoteIdent(c.name), c.type)} AS ${quoteIdent(c.name)}`)
		.join(', ');
	let rows = 0;
	await transaction(conn, async () => {
		await conn.exec(
			`CREATE OR REPLACE TABLE main.${quoteIdent(name)} AS SELECT ${select} FROM temp.${quoteIdent(stage)} ORDER BY ${RECORD}`
		);
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
