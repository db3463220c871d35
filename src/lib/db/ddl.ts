import { TABLE_COLUMNS, type ColumnType, type TableName } from '$lib/schema/tables';
import { quoteIdent, quoteLiteral } from '$lib/query/sql';

/** The DuckDB type that stores a codebook column type. Lists stay ';'-separated text so files round-trip. */
export function duckType(type: ColumnType): string {
	switch (type) {
		case 'int':
			return 'INTEGER';
		case 'float':
			return 'DOUBLE';
		case 'date':
			return 'DATE';
		default:
			return 'VARCHAR';
	}
}

/** `read_csv(…)` of a registered UTF-8, comma-separated file with `table`'s header, typed by the codebook, not by the sniffer. */
export function readCsvTyped(table: TableName, file: string): string {
	const columns = TABLE_COLUMNS[table].map(
		(c) => `${quoteLiteral(c.name)}: ${quoteLiteral(duckType(c.type))}`
	);
	return `read_csv(${quoteLiteral(file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${columns.join(', ')}})`;
}

/** `CREATE OR REPLACE TABLE` from a registered CSV file, typed by the codebook, not by the sniffer. */
export function createFromCsv(table: TableName, file: string, into: string = table): string {
	return `CREATE OR REPLACE TABLE ${quoteIdent(into)} AS SELECT * FROM ${readCsvTyped(table, file)}`;
}
