import { neutraliseSql } from '$lib/csv/spreadsheet-safe';
import { TABLE_COLUMNS, TABLE_KEYS, type ColumnType, type TableName } from '$lib/schema/tables';
import { quoteIdent } from './sql';

/** Codebook column types stored as text (VARCHAR); the others are numbers and dates, never marked. */
const TEXT_TYPES: ReadonlySet<ColumnType> = new Set(['string', 'enum', 'list']);

/**
 * The SELECT behind a table download: the codebook's columns in order
 * (renamed where `renamed` says, e.g. ACLED's names), text columns
 * spreadsheet-safe ($lib/csv/spreadsheet-safe: a `'` before formula-like
 * text, which the upload takes off again), sorted as the codebook expects
 * (incidents by date then id, the others by key) on the stored values.
 */
export function exportTableSql(table: TableName, renamed: Record<string, string> = {}): string {
	const columns = TABLE_COLUMNS[table].map((c) => {
		const stored = `t.${quoteIdent(c.name)}`;
		const value = TEXT_TYPES.has(c.type) ? neutraliseSql(stored) : stored;
		return `${value} AS ${quoteIdent(renamed[c.name] ?? c.name)}`;
	});
	const order = (table === 'incidents' ? ['event_date', 'incident_id'] : [TABLE_KEYS[table]])
		.map((c) => `t.${quoteIdent(c)}`)
		.join(', ');
	return `SELECT ${columns.join(', ')} FROM main.${quoteIdent(table)} AS t ORDER BY ${order}`;
}
