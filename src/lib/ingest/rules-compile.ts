/**
 * The declared rules (./rules.ts, ./rules-incidents.ts) compiled to
 * JavaScript over parsed rows and to one SQL query over a text staging
 * table. Both return the same findings, in record order; `finish` turns
 * them into issues with spreadsheet rows.
 */
import { TABLE_KEYS, type TableName } from '../schema/tables';
import { quoteIdent, quoteLiteral } from '../query/sql';
import { INCIDENT_ROW_RULES } from './rules-incidents';
import { JS_SPACE, cellRules, spaceRules, type Finding, type Rule } from './rules';
import type { ValidationIssue } from './issues';

/** A finding before its text is final: a repeated key carries the record of its first occurrence. */
export interface RawFinding extends Finding {
	first: number | null;
}

const rowRules = (table: TableName): readonly Rule[] =>
	table === 'incidents' ? INCIDENT_ROW_RULES : [];

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
		const add = (r: Rule, problem = r.problem) =>
			out.push({
				record,
				column: r.column,
				value: r.empty ? '' : raw(r.column),
				problem,
				severity: r.severity,
				first: null
			});
		for (const r of spaces) if (r.js(raw, cell)) add(r);
		for (const c of cells) {
			const failed = c.rules.find((r) => r.js(raw, cell));
			if (failed) add(failed);
		}
		for (const r of others) if (r.js(raw, cell)) add(r, r.problemOf?.js(raw) ?? r.problem);
		const id = raw(key);
		if (id === '') return;
		const first = firstOf.get(id);
		if (first === undefined) firstOf.set(id, record);
		else
			out.push({
				record,
				column: key,
				value: id,
				problem: 'duplicate id',
				severity: 'error',
				first
			});
	});
	return out;
}

/**
 * SQL: the same findings from TEMP table `stage` (text columns, NULL for an
 * empty cell, `record` numbering the rows from 1), as rows of record, column,
 * value, problem, severity, first.
 */
export function rulesSql(table: TableName, stage: string, record: string, today: string): string {
	const raw = (c: string) => `coalesce(${quoteIdent(c)}, '')`;
	const cell = (c: string) => `trim(${raw(c)}, ${quoteLiteral(JS_SPACE)})`;
	const t = `temp.${quoteIdent(stage)}`;
	const select = (r: Rule, problem: string, where: string) =>
		`SELECT ${record} AS record, ${quoteLiteral(r.column)} AS "column", ${r.empty ? "''" : raw(r.column)} AS value, ${problem} AS problem, ${quoteLiteral(r.severity)} AS severity, NULL::BIGINT AS first FROM ${t} WHERE ${where}`;
	const parts: string[] = [];
	for (const r of spaceRules(table))
		parts.push(select(r, quoteLiteral(r.problem), r.sql(raw, cell)));
	for (const c of cellRules(table, today)) {
		if (c.rules.length === 0) continue;
		const cases = c.rules
			.map((r) => `WHEN ${r.sql(raw, cell)} THEN ${quoteLiteral(r.problem)}`)
			.join(' ');
		const r = c.rules[0]!;
		parts.push(
			`SELECT * FROM (${select(r, `CASE ${cases} END`, 'true')}) WHERE problem IS NOT NULL`
		);
	}
	for (const r of rowRules(table))
		parts.push(select(r, r.problemOf?.sql(raw) ?? quoteLiteral(r.problem), r.sql(raw, cell)));
	const key = TABLE_KEYS[table];
	parts.push(
		`SELECT record, ${quoteLiteral(key)}, v, 'duplicate id', 'error', first FROM (SELECT ${record} AS record, ${raw(key)} AS v, min(${record}) OVER (PARTITION BY ${raw(key)}) AS first FROM ${t} WHERE ${raw(key)} <> '') WHERE record > first`
	);
	return `SELECT record::BIGINT AS record, "column", value, problem, severity, first::BIGINT AS first FROM (${parts.join('\nUNION ALL\n')}) ORDER BY record, "column", problem`;
}

/** Issues as the validator words them, rows numbered by `line(record)`. */
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
		problem: f.first === null ? f.problem : `duplicate id (first on line ${line(f.first)})`,
		severity: f.severity
	}));
}
