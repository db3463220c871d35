/**
 * Proof that a cast changes no value. A column read as text is cast to a
 * type; the value "did not change" when the typed value, printed by DuckDB
 * (`::VARCHAR`), is the text as written, allowing only spellings of the same
 * value: trailing zeros after a decimal point (2.50 = 2.5), `T` or a missing
 * `:00` in a timestamp, the case of true/false. Anything else — 0012 → 12,
 * 2.5 → 3, 12345678901234567.5 → 1.2345678901234568e+16, 01/02/2024 read as
 * a date — is a change. Used to choose the types of a new table over every
 * value of the file, to refuse a type the user picks that would change
 * values (naming the rows), and after the codebook cast of an upload.
 */
import { quoteIdent, quoteLiteral } from '$lib/query/sql';
import type { Connector } from './connector';
import { RECORD } from './csv-read';

/**
 * Dates written in words, read into DATE by their strptime format. The type's
 * name says how the text is read, so the card shows it before anything is
 * stored; a value keeps its meaning when the DATE printed back in the same
 * format is the text as written ('21 March 2020', or '1 March 2020' without
 * the leading zero). '%d %B %Y' is ACLED's export date (its codebook's
 * "21 March 2020" style); a name like this never reaches SQL, only its format.
 */
export const WORDED_DATES: Readonly<Record<string, string>> = {
	'DATE (21 March 2020)': '%d %B %Y'
};

/** The types tried for a new table's column, most specific first; VARCHAR always fits. */
export const CANDIDATES = [
	'BIGINT',
	'DOUBLE',
	'DATE',
	...Object.keys(WORDED_DATES),
	'TIMESTAMP',
	'BOOLEAN'
] as const;

/** SQL for text `v` as `type` (`TRY_` gives NULL instead of an error); `type` is checked by safeType. */
export function castSql(v: string, type: string, tryCast = false): string {
	const format = WORDED_DATES[type];
	if (format !== undefined)
		return `${tryCast ? 'TRY_STRPTIME' : 'strptime'}(${v}, ${quoteLiteral(format)})::DATE`;
	return `${tryCast ? 'TRY_CAST' : 'CAST'}(${v} AS ${safeType(type)})`;
}

const NUMERIC = /^(DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC)/i;
const INTEGER =
	/^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/i;

/** Trailing fraction zeros and a bare point dropped: 2.50 → 2.5, 3.0 → 3 (other text unchanged). */
const canon = (x: string) =>
	`regexp_replace(regexp_replace(${x}, '^([+-]?[0-9]*\\.[0-9]*?)0+$', '\\1'), '^([+-]?[0-9]+)\\.$', '\\1')`;

/** SQL true when text `v` cast to `type` keeps its value (v is not NULL). */
export function keepsValue(v: string, type: string): string {
	const format = WORDED_DATES[type];
	if (format !== undefined) {
		const back = (f: string) => `strftime(${castSql(v, type, true)}, ${quoteLiteral(f)})`;
		return `coalesce(${back(format)} = ${v} OR ${back(format.replace('%d', '%-d'))} = ${v}, false)`;
	}
	const t = `TRY_CAST(${v} AS ${type})::VARCHAR`;
	if (/^VARCHAR$/i.test(type)) return 'true';
	if (INTEGER.test(type)) return `coalesce(${t} = ${v}, false)`;
	if (NUMERIC.test(type)) return `coalesce(${canon(t)} = ${canon(v)}, false)`;
	if (/^TIMESTAMP/i.test(type)) {
		const spaced = `replace(${v}, 'T', ' ')`;
		return `coalesce(${t} IN (${v}, ${spaced}, ${spaced} || ':00'), false)`;
	}
	if (/^BOOLEAN$/i.test(type)) return `coalesce(${t} = lower(${v}), false)`;
	return `coalesce(${t} = ${v}, false)`;
}

/** A value a type would change: its record number (1 = first data record), the text, and what would be stored. */
export interface Change {
	record: number;
	column: string;
	value: string;
	stored: string | null;
}

/**
 * For each text column of staging table `stage`, the first candidate type
 * that keeps every value, over the whole table; VARCHAR when none does or the
 * column is empty. One scan of the table.
 */
export async function inferTypes(
	conn: Connector,
	stage: string,
	columns: readonly string[]
): Promise<string[]> {
	if (columns.length === 0) return [];
	const parts = columns.flatMap((c, i) => {
		const v = quoteIdent(c);
		return [
			`count(${v})::BIGINT AS "n${i}"`,
			...CANDIDATES.map(
				(type, k) =>
					`count(*) FILTER (WHERE ${v} IS NOT NULL AND NOT ${keepsValue(v, type)})::BIGINT AS "c${i}_${k}"`
			)
		];
	});
	const [row] = await conn.query(`SELECT ${parts.join(', ')} FROM temp.${quoteIdent(stage)}`);
	return columns.map((_, i) => {
		if (!row || Number(row[`n${i}`]) === 0) return 'VARCHAR';
		const k = CANDIDATES.findIndex((_, k) => Number(row[`c${i}_${k}`]) === 0);
		return k < 0 ? 'VARCHAR' : CANDIDATES[k]!;
	});
}

/**
 * Values of `column` in `stage` that `type` would change (or cannot hold),
 * the first `limit` by record, and how many there are in all.
 */
export async function changedValues(
	conn: Connector,
	stage: string,
	column: string,
	type: string,
	limit = 5
): Promise<{ count: number; first: Change[] }> {
	safeType(type);
	const v = quoteIdent(column);
	const where = `${v} IS NOT NULL AND NOT ${keepsValue(v, type)}`;
	const from = `temp.${quoteIdent(stage)}`;
	const [n] = await conn.query<{ n: number }>(
		`SELECT count(*)::BIGINT AS n FROM ${from} WHERE ${where}`
	);
	const first = await conn.query<{ record: number; value: string; stored: string | null }>(
		`SELECT ${RECORD}::BIGINT AS record, ${v} AS value, ${castSql(v, type, true)}::VARCHAR AS stored FROM ${from} WHERE ${where} ORDER BY ${RECORD} LIMIT ${Math.max(1, Math.floor(limit))}`
	);
	return {
		count: Number(n?.n ?? 0),
		first: first.map((r) => ({ ...r, record: Number(r.record), column }))
	};
}

/**
 * A type name safe to write into SQL: letters, digits, _ and spaces, with an
 * optional (p) or (p,s), or one of WORDED_DATES (read through castSql). Types
 * come from a select list or a saved upload; anything else throws.
 */
export function safeType(type: string): string {
	if (type in WORDED_DATES) return type;
	if (!/^[A-Za-z][A-Za-z0-9_ ]*(\(\d+(, ?\d+)?\))?$/.test(type))
		throw new Error(`not a column type: ${quoteLiteral(type)}`);
	return type;
}

/** Some values would change under the cast: nothing is stored. `changes` are the first few. */
export class ExactnessError extends Error {
	constructor(
		readonly count: number,
		readonly changes: Change[]
	) {
		super(`${count} values would change`);
	}
}
