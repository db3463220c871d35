/**
 * The declared rules (./rules.ts, ./rules-incidents.ts) compiled to
 * JavaScript over parsed rows and to one SQL query over a text staging
 * table. Both return the same findings (problem codes and parameters, see
 * ./issues.ts), in record order; `finish` turns them into issues with
 * spreadsheet rows.
 */
import { TABLE_KEYS, type TableName } from '../schema/tables';
import { quoteIdent, quoteLiteral } from '../query/sql';
import { INCIDENT_ROW_RULES } from './rules-incidents';
import { JS_SPACE, cellRules, spaceRules, type Finding, type Rule } from './rules';
import type { ProblemCode, Severity, ValidationIssue } from './issues';

/** A finding before its row is final: a repeated key carries the record of its first occurrence. */
export interface RawFinding extends Finding {
	first: number | null;
}

const rowRules = (table: TableName): readonly Rule[] =>
	table === 'incidents' ? INCIDENT_ROW_RULES : [];

/** A rule's parameters for one row: its fixed ones and the cell it names. */
const paramsOf = (r: Rule, raw: (c: string) => string) =>
	r.cellParam ? { ...r.params, [r.cellParam.name]: raw(r.cellParam.column) } : { ...r.params };

/** JavaScript: every rule on `rows` (cells in `header` order); record i + 1 is rows[i]. */
export function checkRows(
	table: TableName,
	header: readonly string[],
	rows: readonly string[][],
	today: string
): RawFinding[] {
	const index = new Map(header.map((h, i) => [h, i]));
	const cells = cellRules(table, today);
	const spaces = spaceRules(table);
	const others = rowRules(table);
	const key = TABLE_KEYS[table];
	const firstOf = new Map<string, number>();
	const out: RawFinding[] = [];
	rows.forEach((row, i) => {
		const record = i + 1;
		const raw = (c: string) => {
			const k = index.get(c);
			return k === undefined ? '' : (row[k] ?? '');
		};
		const cell = (c: string) => raw(c).trim();
		const add = (r: Rule) =>
			out.push({
				record,
				column: r.column,
				value: r.empty ? '' : raw(r.column),
				code: r.code,
				params: paramsOf(r, raw),
				severity: r.severity,
				first: null
			});
		for (const r of spaces) if (r.js(raw, cell)) add(r);
		for (const c of cells) {
			const failed = c.rules.find((r) => r.js(raw, cell));
			if (failed) add(failed);
		}
		for (const r of others) if (r.js(raw, cell)) add(r);
		const id = raw(key);
		if (id === '') return;
		const first = firstOf.get(id);
		if (first === undefined) firstOf.set(id, record);
		else
			out.push({
				record,
				column: key,
				value: id,
				code: 'duplicate-id',
				params: {},
				severity: 'error',
				first
			});
	});
	return out;
}

/**
 * One row of `rulesSql`'s result: the problem's code, its fixed parameters
 * as JSON text, and the parameter taken from another cell (name and value,
 * NULL when the rule has none).
 */
export interface SqlFinding {
	record: number | bigint;
	column: string;
	value: string;
	code: ProblemCode;
	params: string;
	param_name: string | null;
	param_value: string | null;
	severity: Severity;
	first: number | bigint | null;
}

/** A row of `rulesSql` as the finding `checkRows` gives for the same cell. */
export function sqlFinding(f: SqlFinding): RawFinding {
	const params = JSON.parse(f.params) as RawFinding['params'];
	if (f.param_name !== null) params[f.param_name] = f.param_value ?? '';
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
 * (turn each into a RawFinding with `sqlFinding`).
 */
export function rulesSql(table: TableName, stage: string, record: string, today: string): string {
	const raw = (c: string) => `coalesce(${quoteIdent(c)}, '')`;
	const cell = (c: string) => `trim(${raw(c)}, ${quoteLiteral(JS_SPACE)})`;
	const t = `temp.${quoteIdent(stage)}`;
	const fixed = (r: Rule) => quoteLiteral(JSON.stringify(r.params ?? {}));
	const named = (r: Rule) =>
		r.cellParam
			? `${quoteLiteral(r.cellParam.name)} AS param_name, ${raw(r.cellParam.column)} AS param_value`
			: 'NULL::VARCHAR AS param_name, NULL::VARCHAR AS param_value';
	const select = (r: Rule, code: string, params: string, where: string, from = t) =>
		`SELECT ${record} AS record, ${quoteLiteral(r.column)} AS "column", ${r.empty ? "''" : raw(r.column)} AS value, ${code} AS code, ${params} AS params, ${named(r)}, ${quoteLiteral(r.severity)} AS severity, NULL::BIGINT AS first FROM ${from} WHERE ${where}`;
	const parts: string[] = [];
	for (const r of spaceRules(table))
		parts.push(select(r, quoteLiteral(r.code), fixed(r), r.sql(raw, cell)));
	for (const c of cellRules(table, today)) {
		if (c.rules.length === 0) continue;
		// The first failing rule of the cell, by its position; its code and parameters by that position.
		const which = `CASE ${c.rules.map((r, i) => `WHEN ${r.sql(raw, cell)} THEN ${i}`).join(' ')} END`;
		const pick = (f: (r: Rule) => string) =>
			`CASE __rule ${c.rules.map((r, i) => `WHEN ${i} THEN ${f(r)}`).join(' ')} END`;
		const from = `(SELECT *, ${which} AS __rule FROM ${t})`;
		const code = pick((r) => quoteLiteral(r.code));
		parts.push(select(c.rules[0]!, code, pick(fixed), '__rule IS NOT NULL', from));
	}
	for (const r of rowRules(table))
		parts.push(select(r, quoteLiteral(r.code), fixed(r), r.sql(raw, cell)));
	const key = TABLE_KEYS[table];
	parts.push(
		`SELECT record, ${quoteLiteral(key)}, v, 'duplicate-id', '{}', NULL::VARCHAR, NULL::VARCHAR, 'error', first FROM (SELECT ${record} AS record, ${raw(key)} AS v, min(${record}) OVER (PARTITION BY ${raw(key)}) AS first FROM ${t} WHERE ${raw(key)} <> '') WHERE record > first`
	);
	return `SELECT record::BIGINT AS record, "column", value, code, params, param_name, param_value, severity, first::BIGINT AS first FROM (${parts.join('\nUNION ALL\n')}) ORDER BY record, "column", code`;
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
