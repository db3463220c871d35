/**
 * The declared rules (./rules.ts, ./rules-incidents.ts, ./rules-more.ts)
 * compiled to JavaScript over parsed rows and to one SQL query over a text
 * staging table. Both return the same findings (problem codes and
 * parameters, see ./issues.ts), in record order; `finish` turns them into
 * issues with spreadsheet rows.
 */
import { TABLE_COLUMNS, TABLE_KEYS, type TableName } from '../schema/tables';
import { quoteIdent, quoteLiteral } from '../query/sql';
import { INCIDENT_ROW_RULES } from './rules-incidents';
import { JS_SPACE, cellRules, spaceRules, type Finding, type Rule } from './rules';
import { itemRules, moreRowRules } from './rules-more';
import { splitList } from './validate-cells';
import type { KnownKeys } from './context';
import type { ProblemCode, ProblemParams, Severity, ValidationIssue } from './issues';

/** A finding before its row is final: a repeated key carries the record of its first occurrence. */
export interface RawFinding extends Finding {
	first: number | null;
}

const rowRules = (table: TableName, known: KnownKeys | undefined, today: string): Rule[] => [
	...(table === 'incidents' ? INCIDENT_ROW_RULES : []),
	...moreRowRules(table, known, today)
];
const UNSORTED = { date: 'event_date', id: 'incident_id' };

/** A rule's parameters for one row: its fixed ones, the cell it names, and those it computes. */
const paramsOf = (r: Rule, raw: (c: string) => string): ProblemParams => ({
	...r.params,
	...(r.cellParam ? { [r.cellParam.name]: raw(r.cellParam.column) } : {}),
	...r.rowParams?.js(raw)
});

const finding = (
	record: number,
	column: string,
	value: string,
	code: ProblemCode,
	params: ProblemParams = {},
	severity: Severity = 'error'
): RawFinding => ({ record, column, value, code, params, severity, first: null });

/** JavaScript: every rule on `rows` (cells in `header` order); record i + 1 is rows[i]. */
export function checkRows(
	table: TableName,
	header: readonly string[],
	rows: readonly string[][],
	today: string,
	known?: KnownKeys
): RawFinding[] {
	const index = new Map(header.map((h, i) => [h, i]));
	const cells = cellRules(table, today);
	const spaces = spaceRules(table);
	const others = rowRules(table, known, today);
	const items = itemRules(table, known);
	const key = TABLE_KEYS[table];
	const firstOf = new Map<string, number>();
	const out: RawFinding[] = [];
	let previous: string | null = null;
	rows.forEach((row, i) => {
		const record = i + 1;
		// A row of empty cells draws one warning and no other finding (as the validator skips it).
		if (row.every((c) => c.trim() === ''))
			return out.push(finding(record, '', '', 'blank-row', {}, 'warning'));
		const raw = (c: string) => {
			const k = index.get(c);
			return k === undefined ? '' : (row[k] ?? '');
		};
		const cell = (c: string) => raw(c).trim();
		const add = (r: Rule) =>
			out.push(
				finding(
					record,
					r.column,
					r.empty ? '' : (r.value?.js(raw) ?? raw(r.column)),
					r.code,
					paramsOf(r, raw),
					r.severity
				)
			);
		for (const r of spaces) if (r.js(raw, cell)) add(r);
		for (const c of cells) {
			const failed = c.rules.find((r) => r.js(raw, cell));
			if (failed) add(failed);
		}
		for (const r of others) if (r.js(raw, cell)) add(r);
		for (const r of items)
			for (const item of splitList(raw(r.column)))
				if (r.js(item, raw)) out.push(finding(record, r.column, item, r.code, { ...r.params }));
		if (table === 'incidents') {
			const order = `${raw('event_date')} ${raw('incident_id')}`;
			if (previous !== null && order < previous)
				out.push(
					finding(record, 'incident_id', raw('incident_id'), 'rows-unsorted', UNSORTED, 'warning')
				);
			previous = order;
		}
		const id = raw(key);
		if (id === '') return;
		const first = firstOf.get(id);
		if (first === undefined) firstOf.set(id, record);
		else out.push({ ...finding(record, key, id, 'duplicate-id'), first });
	});
	return out;
}

/**
 * One row of `rulesSql`'s result: the problem's code, its fixed parameters
 * as JSON text, and those taken from the row as `name␟value␟…` (U+001F
 * between; a name ending in '#' is a number), NULL when the rule has none.
 */
export interface SqlFinding {
	record: number | bigint;
	column: string;
	value: string;
	code: ProblemCode;
	params: string;
	dyn: string | null;
	severity: Severity;
	first: number | bigint | null;
}

const SEP = '\u001f';

/** A row of `rulesSql` as the finding `checkRows` gives for the same cell. */
export function sqlFinding(f: SqlFinding): RawFinding {
	const params = JSON.parse(f.params) as ProblemParams;
	const dyn = f.dyn === null ? [] : f.dyn.split(SEP);
	for (let i = 0; i + 1 < dyn.length; i += 2) {
		const name = dyn[i]!;
		if (name.endsWith('#')) params[name.slice(0, -1)] = Number(dyn[i + 1]);
		else params[name] = dyn[i + 1]!;
	}
	return {
		record: Number(f.record),
		column: f.column,
		value: f.value,
		code: f.code,
		params,
		severity: f.severity,
		first: f.first === null ? null : Number(f.first)
	};
}

/**
 * SQL: the same findings from TEMP table `stage` (text columns, NULL for an
 * empty cell, `record` numbering the rows from 1), as rows of SqlFinding
 * (turn each into a RawFinding with `sqlFinding`). The cell and row rules
 * run in one pass over cells trimmed once; list items, row order and
 * repeated keys in a pass each.
 */
export function rulesSql(
	table: TableName,
	stage: string,
	record: string,
	today: string,
	known?: KnownKeys
): string {
	const names = TABLE_COLUMNS[table].map((c) => c.name);
	const raw = (c: string) => quoteIdent(c);
	const cell = (c: string) => quoteIdent(`${c}\u0001trim`);
	const written = (c: string) => `coalesce(${quoteIdent(c)}, '')`;
	// Every cell blank ⇔ all of them together are only spaces (one trim, not one per column).
	const blank = `(trim(concat(${names.map(quoteIdent).join(', ')}), ${quoteLiteral(JS_SPACE)}) = '')`;
	const cols = names.map(
		(n) =>
			`${written(n)} AS ${raw(n)}, trim(${written(n)}, ${quoteLiteral(JS_SPACE)}) AS ${cell(n)}`
	);
	const t = `(SELECT ${record}, ${cols.join(', ')} FROM temp.${quoteIdent(stage)} WHERE NOT ${blank})`;
	const fixed = (r: Rule) => quoteLiteral(JSON.stringify(r.params ?? {}));
	const dyn = (r: Rule) => {
		const pairs: [string, string][] = [
			...(r.cellParam ? [[r.cellParam.name, raw(r.cellParam.column)] as [string, string]] : []),
			...Object.entries(r.rowParams?.sql(raw) ?? {})
		];
		if (!pairs.length) return 'NULL::VARCHAR';
		return `concat_ws(chr(31), ${pairs.map(([n, v]) => `${quoteLiteral(n)}, coalesce(CAST(${v} AS VARCHAR), '')`).join(', ')})`;
	};
	const found = (r: Rule) =>
		`{'c': ${quoteLiteral(r.column)}, 'v': ${r.empty ? "''" : (r.value?.sql(raw) ?? raw(r.column))}, 'code': ${quoteLiteral(r.code)}, 'p': ${fixed(r)}, 'd': ${dyn(r)}, 's': ${quoteLiteral(r.severity)}}`;
	const checks: string[] = [];
	for (const r of spaceRules(table))
		checks.push(`CASE WHEN ${r.sql(raw, cell)} THEN ${found(r)} END`);
	for (const c of cellRules(table, today)) {
		if (c.rules.length === 0) continue;
		checks.push(
			`CASE ${c.rules.map((r) => `WHEN ${r.sql(raw, cell)} THEN ${found(r)}`).join(' ')} END`
		);
	}
	for (const r of rowRules(table, known, today))
		checks.push(`CASE WHEN ${r.sql(raw, cell)} THEN ${found(r)} END`);
	const none = `NULL::VARCHAR`;
	const parts: string[] = [
		`SELECT ${record} AS record, '' AS "column", '' AS value, 'blank-row' AS code, '{}' AS params, ${none} AS dyn, 'warning' AS severity, NULL::BIGINT AS first FROM temp.${quoteIdent(stage)} WHERE ${blank}`,
		`SELECT record, f.c, f.v, f.code, f.p, f.d, f.s, NULL FROM (SELECT ${record} AS record, unnest(list_filter([${checks.join(',\n')}], x -> x IS NOT NULL)) AS f FROM ${t})`
	];
	const items = (c: string) =>
		`CASE WHEN ${raw(c)} = '' THEN []::VARCHAR[] ELSE list_transform(string_split(${raw(c)}, ';'), x -> trim(x, ${quoteLiteral(JS_SPACE)})) END`;
	for (const r of itemRules(table, known))
		parts.push(
			`SELECT record, ${quoteLiteral(r.column)}, item, ${quoteLiteral(r.code)}, ${quoteLiteral(JSON.stringify(r.params))}, ${none}, 'error', NULL FROM (SELECT *, ${record} AS record, unnest(${items(r.column)}) AS item FROM ${t}) WHERE ${r.sql('item', raw)}`
		);
	if (table === 'incidents') {
		const order = `${raw('event_date')} || ' ' || ${raw('incident_id')}`;
		parts.push(
			`SELECT record, 'incident_id', id, 'rows-unsorted', ${quoteLiteral(JSON.stringify(UNSORTED))}, ${none}, 'warning', NULL FROM (SELECT ${record} AS record, ${raw('incident_id')} AS id, ${order} AS k, lag(${order}) OVER (ORDER BY ${record}) AS prev FROM ${t}) WHERE k < prev`
		);
	}
	const key = TABLE_KEYS[table];
	parts.push(
		`SELECT record, ${quoteLiteral(key)}, v, 'duplicate-id', '{}', ${none}, 'error', first FROM (SELECT ${record} AS record, ${raw(key)} AS v, min(${record}) OVER (PARTITION BY ${raw(key)}) AS first FROM ${t} WHERE ${raw(key)} <> '') WHERE record > first`
	);
	return `SELECT record::BIGINT AS record, "column", value, code, params, dyn, severity, first::BIGINT AS first FROM (${parts.join('\nUNION ALL\n')}) ORDER BY record, "column", code`;
}

/** Issues with spreadsheet rows numbered by `line(record)`; a repeated key names its first line. */
export function finish(
	findings: readonly RawFinding[],
	file: string,
	line: (record: number) => number
): ValidationIssue[] {
	return findings.map((f) => ({
		file,
		row: line(f.record),
		column: f.column,
		value: f.value,
		code: f.code,
		params: f.first === null ? f.params : { ...f.params, first: line(f.first) },
		severity: f.severity
	}));
}
