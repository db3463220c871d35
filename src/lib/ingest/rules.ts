/**
 * The upload's validation rules declared once, as data plus a small
 * function each, and compiled two ways (issue 13):
 * - `checkRows` runs them in JavaScript on parsed rows (small files, and
 *   the worker);
 * - `rulesSql` turns them into one SQL query over a text staging table
 *   (every column VARCHAR, NULL for empty, `__record` numbering the rows),
 *   so a large file is checked by DuckDB at its own speed.
 * Both give the same findings: record, column, value, problem code and
 * parameters (see ./issues.ts), severity (tests/unit/ingest/rules.test.ts
 * runs every rule both ways). The codes and the order of checks are those of ./validate-cells.ts and
 * ./validate-incidents.ts; the cell rules come from the codebook
 * (../schema/tables.ts), so a column added there is checked here too.
 *
 * Covered: required cells, whole and decimal numbers with their ranges,
 * real calendar dates not after today, vocabularies, ';'-lists, spaces
 * around a value, incident pairs (sub-event type of its event type) and
 * conditional requirements (target and weapon of an attack, target_type
 * with target, outcome rules), and duplicate keys.
 */
import { TABLE_COLUMNS, type ColumnSpec, type TableName } from '../schema/tables';
import { LIST_SEPARATOR } from '../schema/vocab';
import { quoteLiteral } from '../query/sql';
import type { ProblemCode, ProblemParams, Severity } from './issues';
import { ISO_DATE_FORMAT } from './validate-cells';

/** One check of one cell or row: JS predicate and SQL condition for the same failure. */
export interface Rule {
	column: string;
	severity: Severity;
	code: ProblemCode;
	/** The problem's fixed parameters (a bound, the allowed values). */
	params?: ProblemParams;
	/** The reported value is '' (a missing value), not the cell. */
	empty?: boolean;
	/** A parameter that is another cell of the row as written: its name and that cell's column. */
	cellParam?: { name: string; column: string };
	/** True when the row fails; `raw(c)` is the cell as written, `cell(c)` trimmed. */
	js(raw: (c: string) => string, cell: (c: string) => string): boolean;
	/** SQL boolean, true when the row fails; `raw(c)`/`cell(c)` are text expressions ('' for NULL). */
	sql(raw: (c: string) => string, cell: (c: string) => string): string;
}

/** A cell's rules are tried in order and only the first failing one is reported (as the validator does). */
export interface CellRules {
	column: string;
	rules: Rule[];
}

/** A finding: record 1 = first data row. */
export interface Finding {
	record: number;
	column: string;
	value: string;
	code: ProblemCode;
	params: ProblemParams;
	severity: Severity;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INT = /^-?\d+$/;
const FLOAT = /^-?\d+(?:\.\d+)?$/;
/** Every character String.prototype.trim removes, for DuckDB's trim(s, chars). */
export const JS_SPACE =
	'\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
export const list = (values: readonly string[]) => `(${values.map(quoteLiteral).join(', ')})`;
const sqlRe = (re: RegExp) => quoteLiteral(re.source);

function isRealDate(s: string): boolean {
	const [y, m, d] = s.split('-').map(Number) as [number, number, number];
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
const items = (v: string) => v.split(LIST_SEPARATOR).map((s) => s.trim());
const sqlItems = (v: string) =>
	`list_transform(string_split(${v}, ${quoteLiteral(LIST_SEPARATOR)}), x -> trim(x, ${quoteLiteral(JS_SPACE)}))`;

function rangeRules(spec: ColumnSpec): Rule[] {
	const out: Rule[] = [];
	const base = { column: spec.name, severity: 'error' as const };
	if (spec.min !== undefined) {
		const min = spec.min;
		out.push({
			...base,
			code: 'below-min',
			params: { min },
			js: (_, c) => Number(c(spec.name)) < min,
			sql: (_, c) => `TRY_CAST(${c(spec.name)} AS DOUBLE) < ${min}`
		});
	}
	if (spec.max !== undefined) {
		const max = spec.max;
		out.push({
			...base,
			code: 'above-max',
			params: { max },
			js: (_, c) => Number(c(spec.name)) > max,
			sql: (_, c) => `TRY_CAST(${c(spec.name)} AS DOUBLE) > ${max}`
		});
	}
	return out;
}

/** The type rules of one non-empty cell, in the validator's order. */
function typeRules(spec: ColumnSpec, today: string): Rule[] {
	const n = spec.name;
	const base = { column: n, severity: 'error' as const };
	const match = (re: RegExp, code: ProblemCode, params?: ProblemParams): Rule => ({
		...base,
		code,
		...(params ? { params } : {}),
		js: (_, c) => !re.test(c(n)),
		sql: (_, c) => `NOT regexp_full_match(${c(n)}, ${sqlRe(re)})`
	});
	switch (spec.type) {
		case 'int':
			return [match(INT, 'not-int'), ...rangeRules(spec)];
		case 'float':
			return [match(FLOAT, 'not-decimal'), ...rangeRules(spec)];
		case 'date':
			return [
				match(DATE, 'not-iso-date', { format: ISO_DATE_FORMAT }),
				{
					...base,
					code: 'not-real-date',
					js: (_, c) => !isRealDate(c(n)),
					// Date.UTC reads years 0–99 as 1900–1999, so the validator finds no such date real.
					sql: (_, c) =>
						`(TRY_CAST(${c(n)} AS DATE) IS NULL OR CAST(substr(${c(n)}, 1, 4) AS INTEGER) < 100)`
				},
				{
					...base,
					code: 'future-date',
					params: { today },
					js: (_, c) => c(n) > today,
					sql: (_, c) => `${c(n)} > ${quoteLiteral(today)}`
				}
			];
		case 'enum':
			if (!spec.values) return [];
			return [
				{
					...base,
					code: 'not-in-vocab',
					params: { values: spec.values },
					js: (_, c) => !spec.values!.includes(c(n)),
					sql: (_, c) => `${c(n)} NOT IN ${list(spec.values!)}`
				}
			];
		case 'list':
			return [
				{
					...base,
					code: 'list-empty-item',
					params: { separator: LIST_SEPARATOR },
					js: (_, c) => items(c(n)).includes(''),
					sql: (_, c) => `list_contains(${sqlItems(c(n))}, '')`
				},
				{
					...base,
					code: 'list-repeat',
					js: (_, c) => new Set(items(c(n))).size !== items(c(n)).length,
					sql: (_, c) => `len(list_distinct(${sqlItems(c(n))})) <> len(${sqlItems(c(n))})`
				}
			];
		default:
			return [];
	}
}

/** Every cell rule of `table`: a required cell first, then the type rules of a non-empty one. */
export function cellRules(table: TableName, today: string): CellRules[] {
	return TABLE_COLUMNS[table].map((spec) => {
		const n = spec.name;
		const empty: Rule = {
			column: n,
			severity: 'error',
			code: 'required',
			js: (_, c) => c(n) === '',
			sql: (_, c) => `${c(n)} = ''`
		};
		// An empty optional cell has no problem: the type rules are guarded by "not empty".
		const typed = typeRules(spec, today).map((r) => ({
			...r,
			js: (raw: (c: string) => string, c: (c: string) => string) => c(n) !== '' && r.js(raw, c),
			sql: (raw: (c: string) => string, c: (c: string) => string) =>
				`(${c(n)} <> '' AND ${r.sql(raw, c)})`
		}));
		return { column: n, rules: spec.required ? [empty, ...typed] : typed };
	});
}

/** The warning for spaces around a value (reported besides any cell problem). */
export function spaceRules(table: TableName): Rule[] {
	return TABLE_COLUMNS[table].map((spec) => ({
		column: spec.name,
		severity: 'warning' as const,
		code: 'spaces',
		js: (raw, c) => raw(spec.name) !== c(spec.name),
		sql: (raw, c) => `${raw(spec.name)} <> ${c(spec.name)}`
	}));
}
