/**
 * The declared rules (./rules.ts, ./rules-incidents.ts) compiled to
 * JavaScript over parsed rows and to one SQL query over a text staging
 * table. Both return the same findings, in record order; `finish` turns
 * them into issues with spreadsheet rows.
 */
import { TABLE_COLUMNS, TABLE_KEYS, type TableName } from '../schema/tables';
import { quoteIdent, quoteLiteral } from '../query/sql';
import { INCIDENT_ROW_RULES } from './rules-incidents';
import { JS_SPACE, cellRules, spaceRules, type Finding, type Rule } from './rules';
import { itemRules, moreRowRules } from './rules-more';
import { splitList } from './validate-cells';
import type { KnownKeys } from './context';
import type { ValidationIssue } from './issues';

/** A finding before its text is final: a repeated key carries the record of its first occurrence. */
export interface RawFinding extends Finding {
	first: number | null;
}

const rowRules = (table: TableName, known: KnownKeys | undefined, today: string): Rule[] => [
	...(table === 'incidents' ? INCIDENT_ROW_RULES : []),
	...moreRowRules(table, known, today)
];
const BLANK = 'blank row (ignored)';
const UNSORTED = 'rows are not sorted by event_date, then incident_id';
const finding = (
	record: number,
	column: string,
	value: string,
	problem: string,
	severity: Finding['severity'] = 'error'
): RawFinding => ({ record, column, value, problem, severity, first: null });

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
		if (row.every((c) => c.trim() === ''))
			return out.push(finding(record, '', '', BLANK, 'warning'));
		const raw = (c: string) => {
			const k = index.get(c);
			return k === undefined ? '' : (row[k] ?? '');
		};
		const cell = (c: string) => raw(c).trim();
		const add = (r: Rule, problem = r.problem) =>
			out.push({
				record,
				column: r.column,
				value: r.empty ? '' : (r.value?.js(raw) ?? raw(r.column)),
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
		for (const r of items)
			for (const item of splitList(raw(r.column)))
				if (r.js(item, raw)) out.push(finding(record, r.column, item, r.problem));
		if (table === 'incidents') {
			const order = `${raw('event_date')} ${raw('incident_id')}`;
			if (previous !== null && order < previous)
				out.push(finding(record, 'incident_id', raw('incident_id'), UNSORTED, 'warning'));
			previous = order;
		}
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
export function rulesSql(
	table: TableName,
	stage: string,
	record: string,
	today: string,
	known?: KnownKeys
): string {
	const names = TABLE_COLUMNS[table].map((c) => c.name);
	// Each cell as written ('' for NULL) and trimmed, computed once per row in a subquery.
	const raw = (c: string) => quoteIdent(c);
	const cell = (c: string) => quoteIdent(`${c}\u0001trim`);
	const asWritten = (c: string) => `coalesce(${quoteIdent(c)}, '')`;
	// Every cell blank ⇔ all of them together are only spaces (one trim, not one per column).
	const blank = `(trim(concat(${names.map(quoteIdent).join(', ')}), ${quoteLiteral(JS_SPACE)}) = '')`;
	// A row of empty cells draws one warning and no other finding (as the validator skips it).
	const t = `(SELECT ${record}, ${names.map((n) => `${asWritten(n)} AS ${raw(n)}, trim(${asWritten(n)}, ${quoteLiteral(JS_SPACE)}) AS ${cell(n)}`).join(', ')} FROM temp.${quoteIdent(stage)} WHERE NOT ${blank})`;
	// The cell and row rules in one pass: per row, a list of the findings that fail, unnested.
	const found = (r: Rule, problem: string) =>
		`{'c': ${quoteLiteral(r.column)}, 'v': ${r.empty ? "''" : (r.value?.sql(raw) ?? raw(r.column))}, 'p': ${problem}, 's': ${quoteLiteral(r.severity)}}`;
	const checks: string[] = [];
	for (const r of spaceRules(table))
		checks.push(`CASE WHEN ${r.sql(raw, cell)} THEN ${found(r, quoteLiteral(r.problem))} END`);
	for (const c of cellRules(table, today)) {
		if (c.rules.length === 0) continue;
		const r = c.rules[0]!;
		const cases = c.rules
			.map((x) => `WHEN ${x.sql(raw, cell)} THEN ${found(r, quoteLiteral(x.problem))}`)
			.join(' ');
		checks.push(`CASE ${cases} END`);
	}
	for (const r of rowRules(table, known, today))
		checks.push(
			`CASE WHEN ${r.sql(raw, cell)} THEN ${found(r, r.problemOf?.sql(raw) ?? quoteLiteral(r.problem))} END`
		);
	const parts: string[] = [
		`SELECT ${record} AS record, '' AS "column", '' AS value, ${quoteLiteral(BLANK)} AS problem, 'warning' AS severity, NULL::BIGINT AS first FROM temp.${quoteIdent(stage)} WHERE ${blank}`,
		`SELECT record, f.c, f.v, f.p, f.s, NULL FROM (SELECT ${record} AS record, unnest(list_filter([${checks.join(',\n')}], x -> x IS NOT NULL)) AS f FROM ${t})`
	];
	const items = (c: string) =>
		`CASE WHEN ${raw(c)} = '' THEN []::VARCHAR[] ELSE list_transform(string_split(${raw(c)}, ';'), x -> trim(x, ${quoteLiteral(JS_SPACE)})) END`;
	for (const r of itemRules(table, known))
		parts.push(
			`SELECT record, ${quoteLiteral(r.column)}, item, ${quoteLiteral(r.problem)}, 'error', NULL FROM (SELECT *, ${record} AS record, unnest(${items(r.column)}) AS item FROM ${t}) WHERE ${r.sql('item', raw)}`
		);
	if (table === 'incidents') {
		const order = `${raw('event_date')} || ' ' || ${raw('incident_id')}`;
		parts.push(
			`SELECT record, 'incident_id', id, ${quoteLiteral(UNSORTED)}, 'warning', NULL FROM (SELECT ${record} AS record, ${raw('incident_id')} AS id, ${order} AS k, lag(${order}) OVER (ORDER BY ${record}) AS prev FROM ${t}) WHERE k < prev`
		);
	}
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
