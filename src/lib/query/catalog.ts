import { quoteIdent, quoteLiteral } from './sql';
import type { SqlQuery } from './types';

/** A table or view in DuckDB's catalog, as the schema browser lists it. */
export interface CatalogRelation {
	database: string;
	schema: string;
	name: string;
	kind: 'table' | 'view';
	temporary: boolean;
}

export interface CatalogColumn {
	database: string;
	schema: string;
	table: string;
	name: string;
	type: string;
}

/** Every user table and view, temporary ones included; DuckDB's own catalog views left out. */
export function relations(): SqlQuery {
	return {
		sql: `SELECT database_name AS database, schema_name AS schema, table_name AS name, 'table' AS kind, temporary
FROM duckdb_tables() WHERE NOT internal
UNION ALL
SELECT database_name, schema_name, view_name, 'view', temporary
FROM duckdb_views() WHERE NOT internal
ORDER BY temporary, kind, name`
	};
}

/** Columns of every user table and view, in table order. */
export function columns(): SqlQuery {
	return {
		sql: `SELECT database_name AS database, schema_name AS schema, table_name AS "table", column_name AS name, data_type AS type
FROM duckdb_columns() WHERE NOT internal
ORDER BY database_name, schema_name, table_name, column_index`
	};
}

/** A relation's name as SQL: schema-qualified unless it is in main (temporary tables live in temp.main). */
export function qualifiedName(r: Pick<CatalogRelation, 'database' | 'schema' | 'name'>): string {
	const name = simpleIdent(r.name);
	if (r.schema === 'main') return name;
	return `${simpleIdent(r.schema)}.${name}`;
}

/** An identifier bare when DuckDB would read it back unchanged, else quoted. */
export function simpleIdent(name: string): string {
	return /^[a-z_][a-z0-9_]*$/.test(name) ? name : quoteIdent(name);
}

/** Exact row counts of the given tables (cheap for in-memory tables; views are not counted). */
export function rowCounts(tables: readonly CatalogRelation[]): SqlQuery | null {
	if (tables.length === 0) return null;
	return {
		sql: tables
			.map(
				(t, i) =>
					`SELECT ${i} AS i, count(*)::BIGINT AS n FROM ${quoteIdent(t.database)}.${quoteIdent(t.schema)}.${quoteIdent(t.name)}`
			)
			.join('\nUNION ALL\n')
	};
}

/** Keywords and function names for the editor's completion, read from this engine. */
export function vocabulary(): SqlQuery {
	return {
		sql: `SELECT 'keyword' AS kind, keyword_name AS word FROM duckdb_keywords()
UNION ALL
SELECT DISTINCT 'function', function_name FROM duckdb_functions()
WHERE NOT starts_with(function_name, '__')`
	};
}

/**
 * A fingerprint of the base tables' contents: row count, column types and an
 * order-independent hash of every row. Two equal fingerprints mean the table
 * was not dropped, altered, inserted into, deleted from or updated.
 */
export function tableFingerprint(existing: readonly string[]): SqlQuery {
	if (existing.length === 0) return { sql: 'SELECT NULL AS name, NULL AS print WHERE false' };
	return {
		sql: existing
			.map(
				(t) => `SELECT ${quoteLiteral(t)} AS name,
	count(*)::VARCHAR || '|' || coalesce(sum(hash(r))::VARCHAR, '') || '|' ||
	(SELECT string_agg(column_name || ' ' || data_type, ',' ORDER BY column_index)
	 FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ${quoteLiteral(t)} AND database_name = current_database()) AS print
FROM main.${quoteIdent(t)} AS r`
			)
			.join('\nUNION ALL\n')
	};
}

/** Which of the named tables exist as tables in main (not as views, not temporary). */
export function existingTables(names: readonly string[]): SqlQuery {
	return {
		sql: `SELECT table_name AS name FROM duckdb_tables()
WHERE schema_name = 'main' AND NOT temporary AND table_name IN (${names.map(() => '?').join(', ')})`,
		params: names
	};
}
