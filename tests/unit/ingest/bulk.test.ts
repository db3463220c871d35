/**
 * The bulk path (DuckDB's strict read + the rules as SQL) finds exactly what
 * the JavaScript path finds on the same file: problems with spreadsheet rows,
 * counts, new companion entries, preview, row count. Fixtures are SYNTHETIC
 * (bench/lib/synth.ts, seeded) with seeded mutations, quoted line breaks,
 * blank lines and a bad last row.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { readCompanions } from '../../../bench/lib/companions';
import { rng } from '../../../bench/lib/random';
import { Synth } from '../../../bench/lib/synth';
import { planBulk } from '../../../src/lib/ingest/bulk';
import { parseFile } from '../../../src/lib/ingest/pipeline';
import { validateTable } from '../../../src/lib/ingest/validate';
import { MAX_ISSUES, type Known, type ParseOptions } from '../../../src/lib/ingest/types';
import { checkBulk, eachProblemPage } from '../../../src/lib/db/bulk-check';
import { TABLE_COLUMNS } from '../../../src/lib/schema/tables';
import { problemsCsv } from '../../../src/lib/export/problems';
import type { ValidationIssue } from '../../../src/lib/ingest/issues';
import { NodeConnector } from '../support/node-connector';

const dir = mkdtempSync(join(tmpdir(), 'raqib-bulk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TODAY = '2026-11-29';
const HEADER = TABLE_COLUMNS.incidents.map((c) => c.name);
const at = (c: string) => HEADER.indexOf(c);

const table = (name: string) =>
	Papa.parse<Record<string, string>>(readFileSync(`data/${name}.csv`, 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;
/** The upload's known values from the shipped companion tables, minus one actor so some are new. */
function known(): Known {
	const targets = table('targets');
	const reports = table('reports');
	return {
		actors: table('actors')
			.map((a) => a.actor!)
			.slice(1),
		targets: targets.map((t) => t.target!),
		places: table('places').map((p) => p.place_id!),
		reports: reports.map((r) => r.report_id!),
		placeNames: [],
		targetTypes: targets.map((t) => [t.target!, t.target_type!] as [string, string]),
		reportMeta: reports.map(
			(r) => [r.report_id!, r.published!, r.date_confidence!] as [string, string, string]
		)
	};
}

/** Seeded mutations, one per chosen row: each breaks a rule or adds a line break in a cell. */
const MUTATIONS: [string, string][] = [
	['event_date', '2022-02-30'],
	['event_date', '2099-01-01'],
	['fatalities', '-1'],
	['event_type', 'Parade'],
	['notes', 'two\nlines, "quoted"'],
	['notes', 'three\n\nlines'],
	['assoc_actor_1', 'A;;B'],
	['time_precision', '7'],
	['actor1', 'Somebody New'],
	['target', 'A new target'],
	['incident_id', 'DEZ-1-1'],
	['latitude', '35.123456']
];

function fixture(seed: number, n: number, blankLines: boolean): string {
	const synth = new Synth(seed, readCompanions());
	const random = rng(seed + 1);
	const rows = Array.from({ length: n }, () => Papa.parse<string[]>(synth.next()).data[0]!);
	for (const row of rows)
		if (random() < 0.15) {
			const [column, value] = MUTATIONS[Math.floor(random() * MUTATIONS.length)]!;
			row[at(column)] = value;
		}
	rows[5]![0] = rows[4]![0]!; // a repeated id
	rows[n - 1]![at('event_date')] = '2021-02-29'; // a bad date in the last row
	const lines = rows.map((r) => Papa.unparse([r]));
	if (blankLines) lines.splice(3, 0, '', '');
	if (blankLines) lines.splice(40, 0, '');
	return [HEADER.join(','), ...lines].join('\n') + '\n';
}

/** An issue as text, its parameters whatever order their names come in. */
const key = (i: ValidationIssue) =>
	`${i.row}|${i.column}|${i.value}|${i.code}|${JSON.stringify(Object.entries(i.params).sort(([a], [b]) => a.localeCompare(b)))}|${i.severity}`;

async function both(text: string, options: ParseOptions = {}) {
	const file = new File([text], 'synthetic.csv');
	const opts = { known: known(), today: TODAY, ...options };
	const js = await parseFile(file, { ...opts, bulk: false }, validateTable);
	const plan = await planBulk(file, opts, () => {}, 0);
	if (!plan) return { js, plan, bulk: null };
	const path = join(dir, `bulk-${Math.random().toString(36).slice(2)}.csv`);
	writeFileSync(path, new Uint8Array(await file.slice(plan.bom).arrayBuffer()));
	const conn = await NodeConnector.open();
	const bulk = await checkBulk(conn, {
		file: path,
		dialect: { delimiter: plan.delimiter, newLine: '\n' },
		kind: plan.kind,
		name: file.name,
		rows: plan.rows,
		blankRows: plan.blankRows,
		known: opts.known,
		today: TODAY,
		text: 'bulk_text',
		findings: 'bulk_findings'
	});
	const parts: string[] = [];
	await eachProblemPage(conn, 'bulk_findings', file.name, plan.blankRows, (issues, first) =>
		parts.push(problemsCsv(issues, first))
	);
	return { js, plan, bulk, all: parts.join('') };
}

describe('the bulk path', () => {
	for (const blankLines of [false, true])
		it(`finds what the JavaScript path finds${blankLines ? ', after blank lines' : ''}`, async () => {
			const { js, plan, bulk, all } = await both(fixture(7, 300, blankLines));
			expect(plan).not.toBeNull();
			expect(bulk).not.toBeNull();
			expect(js.errors).toBeLessThan(MAX_ISSUES);
			expect(plan!.rows).toBe(js.rows);
			expect(plan!.blankRows).toEqual(js.blankRows);
			expect(bulk!.errors).toBe(js.errors);
			expect(bulk!.warnings).toBe(js.warnings);
			expect(bulk!.issues.map(key).sort()).toEqual(js.issues.map(key).sort());
			expect(bulk!.unknown).toEqual(js.unknown);
			expect(bulk!.preview).toEqual(js.preview);
			// The last row's bad date, named by its spreadsheet row and column.
			const last = js.rows + 1 + js.blankRows.length;
			expect(bulk!.issues).toContainEqual(
				expect.objectContaining({ row: last, column: 'event_date', value: '2021-02-29' })
			);
			// The complete list written by DuckDB is the JavaScript path's list as CSV.
			const lines = (csv: string) =>
				Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true })
					.data.map((r) => r.join('|'))
					.sort();
			expect(lines(all!)).toEqual(lines(problemsCsv(js.issues)));
			expect(bulk!.totals.reduce((n, t) => n + t.count, 0)).toBe(js.errors + js.warnings);
		});

	it('leaves CRLF files, stray quotes and small files to the JavaScript path', async () => {
		const text = fixture(3, 50, false);
		const file = (t: string) => new File([t], 'f.csv');
		expect(await planBulk(file(text), {}, () => {}, 0)).not.toBeNull();
		expect(await planBulk(file(text.replaceAll('\n', '\r\n')), {}, () => {}, 0)).toBeNull();
		expect(await planBulk(file(text + 'a"b,c\n'), {}, () => {}, 0)).toBeNull();
		expect(await planBulk(file(text + '"open,c\n'), {}, () => {}, 0)).toBeNull();
		expect(await planBulk(file(text), {})).toBeNull();
		expect(await planBulk(file(text), { bulk: false }, () => {}, 0)).toBeNull();
	});
});
