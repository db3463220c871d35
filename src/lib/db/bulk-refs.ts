/**
 * The bulk path's new companion entries: the actors, targets and places an
 * upload names that the known tables lack, found by SQL over the text staging
 * table exactly as ../ingest/references.ts finds them row by row (a value
 * known as written or trimmed is known; lists split on ';'; the first row
 * that names it, how many cells do, and a new target's type from that row).
 */
import type { TableName } from '$lib/schema/tables';
import { quoteIdent, quoteLiteral } from '$lib/query/sql';
import { JS_SPACE } from '$lib/ingest/rules';
import type { Known, UnknownRef } from '$lib/ingest/types';
import { RECORD } from './csv-read';

/** An UnknownRef whose `row` is still a record number (1 = first data record). */
export type UnknownRow = UnknownRef;

type RefTable = 'actors' | 'targets' | 'places';
const REFS: Partial<Record<TableName, { column: string; table: RefTable; list?: boolean }[]>> = {
	incidents: [
		{ column: 'actor1', table: 'actors' },
		{ column: 'actor2', table: 'actors' },
		{ column: 'assoc_actor_1', table: 'actors', list: true },
		{ column: 'assoc_actor_2', table: 'actors', list: true },
		{ column: 'target', table: 'targets' },
		{ column: 'place_id', table: 'places' }
	],
	targets: [
		{ column: 'place_id', table: 'places' },
		{ column: 'operator', table: 'actors' }
	]
};
const ORDER: RefTable[] = ['actors', 'targets', 'places'];

/** The query (rows of table, value, row = first record, count, type), or null when nothing is checked. */
export function unknownRefsSql(
	kind: TableName,
	stage: string,
	known: Known | undefined
): string | null {
	const refs = REFS[kind];
	if (!refs || !known) return null;
	// As the row-by-row reader: with no actor, target or place known at all, nothing is listed.
	if (known.actors.length + known.targets.length + known.places.length === 0) return null;
	const t = `temp.${quoteIdent(stage)}`;
	const cells = refs.map((r, pos) => {
		const c = `coalesce(${quoteIdent(r.column)}, '')`;
		const value = r.list
			? `unnest(CASE WHEN ${c} = '' THEN []::VARCHAR[] ELSE string_split(${c}, ';') END)`
			: c;
		// Order of first sight: record, then column, then item (generate_subscripts keeps item order).
		const item = r.list
			? `generate_subscripts(CASE WHEN ${c} = '' THEN []::VARCHAR[] ELSE string_split(${c}, ';') END, 1)`
			: '0';
		// A new target's type, from the incident row that names it.
		const type =
			kind === 'incidents' && r.table === 'targets' ? `coalesce("target_type", '')` : `''`;
		return `SELECT ${quoteLiteral(r.table)} AS tbl, ${RECORD} AS record, ${pos} AS pos, ${value} AS raw, ${item} AS item, ${type} AS ttype FROM ${t}`;
	});
	const knownOf = (table: RefTable, v: string) => {
		const values = known[table];
		return values.length ? `${v} IN (${values.map(quoteLiteral).join(', ')})` : 'false';
	};
	const isKnown = ORDER.map(
		(table) =>
			`(tbl = ${quoteLiteral(table)} AND (${knownOf(table, 'raw')} OR ${knownOf(table, 'value')}))`
	).join(' OR ');
	const key = `record::BIGINT * 1048576 + pos * 65536 + item`;
	return `SELECT tbl AS "table", value, min(record)::BIGINT AS row, count(*)::INTEGER AS count, arg_min(ttype, ${key}) AS type
FROM (SELECT *, trim(raw, ${quoteLiteral(JS_SPACE)}) AS value FROM (${cells.join('\nUNION ALL\n')}))
WHERE raw <> '' AND value <> '' AND NOT (${isKnown})
GROUP BY tbl, value
ORDER BY list_position(${`[${ORDER.map(quoteLiteral).join(', ')}]`}, tbl), min(${key})`;
}
