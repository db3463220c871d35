/**
 * The codebook types put on a text staging table, only when no value would
 * change (../db/exact.ts): the upload's typed staging table.
 */
import { TABLE_COLUMNS, type TableName } from '$lib/schema/tables';
import { quoteIdent } from '$lib/query/sql';
import type { Connector } from './connector';
import { duckType } from './ddl';
import { RECORD } from './csv-read';
import { ExactnessError, changedValues } from './exact';

/** The text copy of a staging table (every column VARCHAR, with record numbers). */
export const textOf = (name: string) => `${name}_text`;

const drop = (conn: Connector, name: string) =>
	conn.exec(`DROP TABLE IF EXISTS temp.${quoteIdent(name)}`);

/**
 * The typed staging table `into` from text staging table `text` (made by
 * stageText, dropped here): the exactness check of every typed column, then
 * the casts. Throws as `stage` does.
 */
export async function castStaged(
	conn: Connector,
	table: TableName,
	text: string,
	into: string
): Promise<void> {
	const specs = TABLE_COLUMNS[table];
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
		await drop(conn, text);
		await drop(conn, textOf(text));
	}
}
