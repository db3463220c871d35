/**
 * `npm run validate:data` (tsx scripts/validate-data.ts): validates data/*.csv
 * with the same module the browser upload uses, checking every evidence span
 * against ../shared/seeds/*.txt when that folder exists. Prints one line per
 * issue and a summary; exits 1 on any error.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { TABLE_NAMES } from '../src/lib/schema/tables';
import {
	checkCsvText,
	formatIssue,
	validateDataset,
	type DatasetTable,
	type TableKind,
	type ValidationIssue
} from '../src/lib/ingest/validate';

const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Parses CSV text into header + rows, dropping only the empty line after the final newline. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
	const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
	const all = parsed.data;
	const last = all.at(-1);
	if (last && last.length === 1 && last[0] === '') all.pop();
	const [header = [], ...rows] = all;
	return { header, rows };
}

/** The seed reports by id (file stem), or null when the folder is absent. */
export function loadReports(dir: string): Map<string, string> | null {
	if (!existsSync(dir)) return null;
	const texts = new Map<string, string>();
	for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')))
		texts.set(basename(f, '.txt'), readFileSync(join(dir, f), 'utf8'));
	return texts;
}

export interface RunResult {
	issues: ValidationIssue[];
	notes: string[];
}

/** Validates the shipped tables under `root`/data, with seeds from `root`/../shared/seeds. */
export function runValidation(root: string = REPO_ROOT, today?: string): RunResult {
	const notes: string[] = [];
	const issues: ValidationIssue[] = [];
	const tables: Partial<Record<TableKind, DatasetTable>> = {};
	for (const kind of TABLE_NAMES) {
		const path = join(root, 'data', `${kind}.csv`);
		const file = relative(root, path);
		if (!existsSync(path)) {
			issues.push({
				file,
				row: 0,
				column: '',
				value: '',
				code: 'file-missing',
				params: {},
				severity: 'error'
			});
			continue;
		}
		const text = readFileSync(path, 'utf8');
		issues.push(...checkCsvText(file, text));
		tables[kind] = { file, ...parseCsv(text) };
	}
	const seedDir = resolve(root, '..', 'shared', 'seeds');
	const reports = loadReports(seedDir);
	if (!reports) notes.push(`note: ${seedDir} not found; evidence spans were not checked`);
	else notes.push(`evidence checked against ${reports.size} reports in ${seedDir}`);
	const reportText = reports ? (id: string) => reports.get(id) : undefined;
	issues.push(...validateDataset(tables, { reportText, today }));
	return { issues, notes };
}

function main() {
	const { issues, notes } = runValidation();
	for (const n of notes) console.log(n);
	for (const i of issues) console.log(formatIssue(i));
	const errors = issues.filter((i) => i.severity === 'error').length;
	const warnings = issues.length - errors;
	console.log(`validate:data: ${errors} error(s), ${warnings} warning(s)`);
	process.exit(errors ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
