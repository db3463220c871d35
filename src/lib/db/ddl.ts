import { TABLE_COLUMNS, type ColumnType, type TableName } from '$lib/schema/tables';
import { quoteIdent } from '$lib/query/sql';
import { PLAIN, readCsvExact } from './csv-read';

/**
 * The DuckDB type that stores a codebook column type. Lists stay
 * ';'-separated text so files round-trip; a float with a scale is a DECIMAL,
 * which prints every decimal (36.7090 stays 36.7090, as ACLED writes it).
 */
export function duckType(type: ColumnType, scale?: number): string {
	switch (type) {
		case 'int':
			return 'INTEGER';
		case 'float':
			return scale === undefined ? 'DOUBLE' : `DECIMAL(${scale + 5}, ${scale})`;
		case 'date':
			return 'DATE';
		default:
			return 'VARCHAR';
	}
}

/** `read_csv(…)` of a registered UTF-8, comma-separated, LF file with `table`'s header, typed by the codebook, not by the sniffer. */
export function readCsvTyped(table: TableName, file: string): string {
	return readCsvExact(
		file,
		PLAIN,
		TABLE_COLUMNS[table].map((c) => [c.name, duckType(c.type, c.scale)] as const)
	);
}

/** `CREATE OR REPLACE TABLE` from a registered CSV file, typed by the codebook, not by the sniffer. */
export function createFromCsv(table: TableName, file: string, into: string = table): string {
	return `CREATE OR REPLACE TABLE ${quoteIdent(into)} AS SELECT * FROM ${readCsvTyped(table, file)}`;
}
