/**
 * The bulk path's checks in DuckDB (../ingest/pipeline.ts, "At DuckDB's
 * speed"): the file is read as text by `stageText` (explicit dialect, strict,
 * row count against the worker's count), then the declared rules run as one
 * SQL query (../ingest/rules-compile.ts) into a TEMP findings table. Only
 * what the page shows leaves DuckDB: totals per column and problem, the first
 * MAX_ISSUES problems, the first rows, and the new companion entries; the
 * full list is written by DuckDB's COPY (./problems-file.ts).
 */
import { TABLE_COLUMNS, type TableName } from '$lib/schema/tables';
import { quoteIdent, quoteLiteral } from '$lib/query/sql';
import { neutraliseSql } from '$lib/csv/spreadsheet-safe';
import { finish, rulesSql, type RawFinding } from '$lib/ingest/rules-compile';
import { spreadsheetRow } from '$lib/ingest/rows';
import {
	MAX_ISSUES,
	PREVIEW_ROWS,
	type Issue,
	type Known,
	type ProblemTotal
} from '$lib/ingest/types';
import type { KnownKeys } from '$lib/ingest/context';
import type { Connector } from './connector';
import { RECORD, stageText, type CsvDialect } from './csv-read';
import { unknownRefsSql, type UnknownRow } from './bulk-refs';

/** What the file holds that only the JavaScript path handles (spreadsheet-safe marks, dates to convert). */
export class BulkDeclined extends Error {
	constructor(readonly reason: string) {
		super(`bulk path declined: ${reason}`);
	}
}

export interface BulkInput {
	/** The registered file (UTF-8, from after any BOM) and how to read it. */
	file: string;
	dialect: CsvDialect;
	kind: TableName;
	/** File name for the problems. */
	name: string;
	rows: number;
	blankRows: readonly number[];
	known: Known | undefined;
	today: string;
	/** TEMP tables to create: the text copy and the findings. */
	text: string;
	findings: string;
}

export interface BulkChecked {
	issues: Issue[];
	errors: number;
	warnings: number;
	totals: ProblemTotal[];
	preview: string[][];
	unknown: UnknownRow[];
}

/** A cell starting with `'` before formula-like text: the JavaScript path takes the mark off. */
const marked = (c: string) =>
	`(starts_with(${c}, '''') AND ${neutraliseSql(`ltrim(${c}, '''')`)} <> ltrim(${c}, ''''))`;

/** The known values the validator gets on an upload (as ../ingest/read-table.ts gives them). */
export function uploadKnownKeys(known: Known | undefined): KnownKeys | undefined {
	if (!known) return undefined;
	return {
		reports: new Set(known.reports),
		targetTypes: new Map(known.targetTypes),
		reportMeta: new Map(
			known.reportMeta.map(([id, p, c]) => [id, { published: p, dateConfidence: c }])
		)
	};
}

/**
 * Stage and check. Throws BulkDeclined when DuckDB's strict read refuses the
 * file or its count differs, or when a value needs the JavaScript path; the
 * caller then reads the file that way (nothing has changed).
 */
export async function checkBulk(conn: Connector, input: BulkInput): Promise<BulkChecked> {
	const names = TABLE_COLUMNS[input.kind].map((c) => c.name);
	try {
		await stageText(conn, input.file, input.dialect, names, input.text, input.rows);
	} catch (error) {
		throw new BulkDeclined(error instanceof Error ? error.message : String(error));
	}
	const t = `temp.${quoteIdent(input.text)}`;
	const doubt = [
		...names.map((n) => marked(quoteIdent(n))),
		...(input.kind === 'incidents'
			? [`NOT regexp_full_match("event_date", '\\d{4}-\\d{2}-\\d{2}')`]
			: [])
	];
	const [odd] = await conn.query<{ n: number }>(
		`SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM ${t} WHERE ${doubt.join(' OR ')} LIMIT 1)`
	);
	if (Number(odd?.n ?? 0) > 0) throw new BulkDeclined('values the JavaScript path converts');
	const rules = rulesSql(input.kind, input.text, RECORD, input.today, uploadKnownKeys(input.known));
	const f = `temp.${quoteIdent(input.findings)}`;
	await conn.exec(`CREATE OR REPLACE TEMP TABLE ${quoteIdent(input.findings)} AS ${rules}`);
	const totals = (
		await conn.query<ProblemTotal>(
			`SELECT "column", CASE WHEN first IS NULL THEN problem ELSE 'duplicate id' END AS problem, severity, count(*)::INTEGER AS count FROM ${f} GROUP BY ALL ORDER BY count DESC, "column", problem`
		)
	).map((r) => ({ ...r, count: Number(r.count) }));
	const count = (s: string) =>
		totals.filter((r) => r.severity === s).reduce((n, r) => n + r.count, 0);
	const first = (
		await conn.query<RawFinding>(`SELECT * FROM ${f} ORDER BY record LIMIT ${MAX_ISSUES}`)
	).map((r) => ({
		...r,
		record: Number(r.record),
		first: r.first === null ? null : Number(r.first)
	}));
	const line = (record: number) => spreadsheetRow(record, 2, input.blankRows);
	const cells = names.map((n) => `coalesce(${quoteIdent(n)}, '') AS ${quoteIdent(n)}`);
	const preview = (
		await conn.query<Record<string, string>>(
			`SELECT ${cells.join(', ')} FROM ${t} ORDER BY ${RECORD} LIMIT ${PREVIEW_ROWS}`
		)
	).map((r) => names.map((n) => String(r[n] ?? '')));
	const refs = unknownRefsSql(input.kind, input.text, input.known);
	const unknown = refs
		? (await conn.query<UnknownRow>(refs)).map(({ type, ...r }) => ({
				...r,
				row: line(Number(r.row)),
				count: Number(r.count),
				...(type ? { type } : {})
			}))
		: [];
	return {
		issues: finish(first, input.name, line),
		errors: count('error'),
		warnings: count('warning'),
		totals,
		preview,
		unknown
	};
}

/**
 * Every finding as the problems CSV (file, row, column, value, problem,
 * severity; spreadsheet-safe, as $lib/export/problems writes it), as a
 * SELECT for COPY. Rows count the blank lines (`blankRows`).
 */
export function problemsSelect(
	findings: string,
	file: string,
	blankRows: readonly number[]
): string {
	// The j-th blank row follows `blankRows[j] - j - 2` records (./../ingest/bulk.ts).
	const after = blankRows.map((b, j) => b - j - 2);
	const line = (r: string) =>
		after.length
			? `(1 + ${r} + len(list_filter([${after.join(', ')}], b -> b < ${r})))`
			: `(1 + ${r})`;
	const problem = `CASE WHEN first IS NULL THEN problem ELSE 'duplicate id (first on line ' || ${line('first')} || ')' END`;
	const safe = (e: string) => neutraliseSql(e);
	return `SELECT ${safe(quoteLiteral(file))} AS file, ${line('record')} AS row, ${safe('"column"')} AS "column", ${safe('value')} AS value, ${safe(problem)} AS problem, severity FROM temp.${quoteIdent(findings)} ORDER BY record, "column", problem`;
}
