/**
 * The one validator of Raqib's tables, shared by `npm run validate:data` and
 * the browser CSV upload. Pure TypeScript: no Node APIs, no DuckDB, no Svelte.
 *
 * Input is a parsed CSV: the header and the data rows as string arrays, in
 * file order (row i is spreadsheet line i + 2).
 */
import { TABLE_COLUMNS, TABLE_KEYS, type ColumnSpec } from '../schema/tables';
import type { KnownKeys, RowView, TableKind, ValidationContext } from './context';
import { IssueSink, type ValidationIssue } from './issues';
import { cellProblem, todayIso } from './validate-cells';
import { checkIncidentOrder, checkIncidentRow } from './validate-incidents';
import { checkCompanionRow } from './validate-rows';
import { checkAcledRow } from './validate-acled';

export type { KnownKeys, RowView, TableKind, ValidationContext } from './context';
export { formatIssue, type Severity, type ValidationIssue } from './issues';
export { collapseWhitespace, evidenceInText, isRealDate, splitList } from './validate-cells';

/** A parsed CSV table. */
export interface ParsedTable {
	header: string[];
	rows: string[][];
}

/** Header problems: duplicates, missing columns (errors), unknown columns and order (warnings). */
function checkHeader(specs: readonly ColumnSpec[], header: string[], out: IssueSink) {
	const seen = new Set<string>();
	for (const h of header) {
		if (seen.has(h)) out.add(1, h, h, 'header-duplicate');
		seen.add(h);
		if (!specs.some((s) => s.name === h)) out.warn(1, h, h, 'header-unknown');
	}
	const missing = specs.filter((s) => !seen.has(s.name));
	for (const s of missing) out.add(1, s.name, '', 'header-missing');
	const known = header.filter((h) => specs.some((s) => s.name === h));
	const expected = specs.map((s) => s.name).filter((n) => seen.has(n));
	if (missing.length === 0 && known.join(',') !== expected.join(','))
		out.warn(1, '', header.join(','), 'header-order', { expected });
}

/** Column name → position, built once per table (not per row: uploads validate a million rows). */
function columnIndex(header: string[]): Map<string, number> {
	const index = new Map<string, number>();
	header.forEach((h, i) => {
		if (!index.has(h)) index.set(h, i);
	});
	return index;
}

function rowView(index: Map<string, number>, cells: string[], line: number): RowView {
	return {
		line,
		get: (column) => {
			const i = index.get(column);
			return i === undefined ? '' : (cells[i] ?? '');
		}
	};
}

function checkCells(
	specs: readonly ColumnSpec[],
	r: RowView,
	out: IssueSink,
	today: string,
	acled: boolean
) {
	for (const spec of specs) {
		const value = r.get(spec.name);
		if (value !== value.trim()) out.warn(r.line, spec.name, value, 'spaces');
		// Imported rows: ACLED's required columns, and Raqib-only ones may stay empty ("not coded").
		const rule = acled ? { ...spec, required: !!spec.acledRequired } : spec;
		const problem = cellProblem(rule, value.trim(), today);
		// ACLED's own lists (assoc actors) are stored as written: an odd list is worth a word, not a refusal.
		if (problem && acled && spec.type === 'list')
			out.warn(r.line, spec.name, value, problem.code, problem.params);
		else if (problem) out.add(r.line, spec.name, value, problem.code, problem.params);
	}
}

function checkUnique(kind: TableKind, rows: readonly RowView[], out: IssueSink) {
	const key = TABLE_KEYS[kind];
	const first = new Map<string, number>();
	for (const r of rows) {
		const v = r.get(key);
		if (v === '') continue;
		const prev = first.get(v);
		if (prev !== undefined) out.add(r.line, key, v, 'duplicate-id', { first: prev });
		else first.set(v, r.line);
	}
}

/** Turns the raw rows into row views, flagging blank rows and wrong cell counts. */
function rowViews(
	header: string[],
	rows: string[][],
	out: IssueSink,
	lines?: readonly number[]
): RowView[] {
	const views: RowView[] = [];
	const index = columnIndex(header);
	rows.forEach((cells, i) => {
		const line = lines?.[i] ?? i + 2;
		if (cells.every((c) => c.trim() === '')) return out.warn(line, '', '', 'blank-row');
		if (cells.length !== header.length)
			out.add(line, '', cells.join(','), 'cell-count', {
				cells: cells.length,
				width: header.length
			});
		views.push(rowView(index, cells, line));
	});
	return views;
}

/**
 * Validates one table. `header` and `rows` come straight from the CSV parser
 * (row i = spreadsheet line i + 2). Referential and evidence checks run only
 * for what `ctx.known` / `ctx.reportText` provide.
 */
export function validateTable(
	kind: TableKind,
	header: string[],
	rows: string[][],
	ctx: ValidationContext
): ValidationIssue[] {
	const out = new IssueSink(ctx.file);
	const specs = TABLE_COLUMNS[kind];
	const today = ctx.today ?? todayIso();
	checkHeader(specs, header, out);
	const views = rowViews(header, rows, out, ctx.lines);
	const acled = kind === 'incidents' && ctx.origin === 'acled';
	for (const r of views) {
		checkCells(specs, r, out, today, acled);
		if (acled) checkAcledRow(r, out);
		else if (kind === 'incidents') checkIncidentRow(r, out, ctx);
		else checkCompanionRow(kind, r, out, ctx);
	}
	checkUnique(kind, views, out);
	if (kind === 'incidents' && !acled) checkIncidentOrder(views, out);
	return out.issues.sort((a, b) => a.row - b.row);
}

/** The values of one column, '' where the row is short or the column is missing. */
function column(t: ParsedTable | undefined, name: string): string[] {
	if (!t) return [];
	const i = t.header.indexOf(name);
	return i < 0 ? [] : t.rows.map((r) => (r[i] ?? '').trim());
}

const nonEmptySet = (values: string[]) => new Set(values.filter((v) => v !== ''));

/** The known keys of the companion tables that are present in `tables`. */
export function buildKnown(tables: Partial<Record<TableKind, ParsedTable>>): KnownKeys {
	const known: KnownKeys = {};
	if (tables.actors) {
		const names = column(tables.actors, 'actor');
		const inter = column(tables.actors, 'acled_inter');
		known.actors = nonEmptySet(names);
		known.actorInter = new Map(names.map((n, i) => [n, Number(inter[i])]));
	}
	if (tables.places) known.places = nonEmptySet(column(tables.places, 'place_id'));
	if (tables.targets) {
		const names = column(tables.targets, 'target');
		const types = column(tables.targets, 'target_type');
		known.targets = nonEmptySet(names);
		known.targetTypes = new Map(names.map((n, i) => [n, types[i] ?? '']));
	}
	if (tables.reports) {
		const ids = column(tables.reports, 'report_id');
		const published = column(tables.reports, 'published');
		const confidence = column(tables.reports, 'date_confidence');
		known.reports = nonEmptySet(ids);
		known.reportMeta = new Map(
			ids.map((id, i) => [
				id,
				{ published: published[i] ?? '', dateConfidence: confidence[i] ?? '' }
			])
		);
	}
	return known;
}

/** A table to validate as part of a dataset, with the file name to report. */
export interface DatasetTable extends ParsedTable {
	file: string;
}

/**
 * Validates every table given, cross-checking references between them
 * (a table absent from `tables` is not checked against).
 */
export function validateDataset(
	tables: Partial<Record<TableKind, DatasetTable>>,
	opts: Omit<ValidationContext, 'file' | 'known'> = {}
): ValidationIssue[] {
	const known = buildKnown(tables);
	const issues: ValidationIssue[] = [];
	for (const [kind, t] of Object.entries(tables) as [TableKind, DatasetTable][])
		issues.push(...validateTable(kind, t.header, t.rows, { ...opts, file: t.file, known }));
	return issues;
}

/**
 * Checks of the raw file text the parser hides: UTF-8 BOM, CR line endings,
 * missing final newline. Errors for the shipped files; the upload may show
 * them as warnings.
 */
export function checkCsvText(file: string, text: string): ValidationIssue[] {
	const out = new IssueSink(file);
	if (text.startsWith('\uFEFF')) out.add(0, '', '', 'bom', { encoding: 'UTF-8' });
	if (text.includes('\r')) out.add(0, '', '', 'cr-endings');
	if (text !== '' && !text.endsWith('\n')) out.add(0, '', '', 'no-final-newline');
	return out.issues;
}
