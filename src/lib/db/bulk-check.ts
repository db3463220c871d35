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
import { quoteIdent } from '$lib/query/sql';
import { neutraliseSql } from '$lib/csv/spreadsheet-safe';
import { finish, rulesSql, sqlFinding, type SqlFinding } from '$lib/ingest/rules-compile';
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

/** Totals listed on the card (the most frequent first). */
const MAX_TOTALS = 200;

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
	// Per column and problem (code and parameters, so each total has one wording).
	const totals = (
		await conn.query<SqlFinding & { count: number }>(
			`SELECT min(record) AS record, "column", '' AS value, code, params, dyn, severity, NULL AS first, count(*)::INTEGER AS count FROM ${f} GROUP BY "column", code, params, dyn, severity ORDER BY count DESC, "column", code LIMIT ${MAX_TOTALS}`
		)
	).map((r): ProblemTotal => {
		const { column, code, params, severity } = sqlFinding(r);
		return { column, code, params, severity, count: Number(r.count) };
	});
	const [all] = await conn.query<{ e: number; w: number }>(
		`SELECT count(*) FILTER (WHERE severity = 'error')::INTEGER AS e, count(*) FILTER (WHERE severity = 'warning')::INTEGER AS w FROM ${f}`
	);
	const first = (
		await conn.query<SqlFinding>(`SELECT * FROM ${f} ORDER BY record LIMIT ${MAX_ISSUES}`)
	).map(sqlFinding);
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
		errors: Number(all?.e ?? 0),
		warnings: Number(all?.w ?? 0),
		totals,
		preview,
		unknown
	};
}

/** Findings fetched at a time for the problems file: the page never holds more of them as objects. */
const PAGE = 20_000;

/**
 * Every finding as issues, page by page in file order, each page handed to
 * `write` (the problems CSV is written page by page: see ../state/upload-bulk.ts).
 */
export async function eachProblemPage(
	conn: Connector,
	findings: string,
	file: string,
	blankRows: readonly number[],
	write: (issues: Issue[], first: boolean) => void
): Promise<void> {
	const line = (record: number) => spreadsheetRow(record, 2, blankRows);
	for (let offset = 0; ; offset += PAGE) {
		const page = await conn.query<SqlFinding>(
			`SELECT * FROM temp.${quoteIdent(findings)} ORDER BY record, "column", code LIMIT ${PAGE} OFFSET ${offset}`
		);
		if (page.length === 0) return;
		write(finish(page.map(sqlFinding), file, line), offset === 0);
		if (page.length < PAGE) return;
	}
}
