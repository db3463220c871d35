/**
 * What a table reader produces while it reads: the problems (the first
 * MAX_ISSUES kept, all counted), the preview, the clean CSV for DuckDB, and —
 * when the user chose to skip invalid rows — which rows are left out, with
 * their original cells for a download of their own.
 *
 * A row is skipped only for problems of its own (a row number above 1);
 * problems of the header or of the file as a whole (row ≤ 1) block the apply
 * whatever the choice.
 */
import Papa from 'papaparse';
import type { Placed } from './monadic';
import { MAX_ISSUES, PREVIEW_ROWS, type Issue } from './types';

/** Blob parts are folded into one Blob every this many characters, so strings do not pile up. */
const FLUSH_CHARS = 16 * 1024 * 1024;

export class Output {
	readonly issues: Issue[] = [];
	readonly preview: string[][] = [];
	errors = 0;
	warnings = 0;
	/** Errors of the header or the whole file (row ≤ 1): no skipping gets past them. */
	fileErrors = 0;
	/** Rows written for DuckDB. */
	rows = 0;
	skippedRows = 0;
	#bad = new Set<number>();
	#raw = new Map<number, string[]>();
	#blob: Blob;
	#parts: string[] = [];
	#chars = 0;
	#skipped: string[] = [];

	constructor(
		private readonly file: string,
		columns: readonly string[],
		private readonly header: readonly string[],
		private readonly skip: boolean
	) {
		this.#blob = new Blob([Papa.unparse([columns]) + '\n']);
		if (skip) this.#skipped.push(Papa.unparse([header]) + '\n');
	}

	/** Count one problem, keep it if there is room, and mark its row bad. */
	note = (issue: Issue): void => {
		if (issue.severity === 'error') {
			this.errors++;
			if (issue.row <= 1) this.fileErrors++;
			else this.#bad.add(issue.row);
		} else this.warnings++;
		if (this.issues.length < MAX_ISSUES) this.issues.push(issue);
	};

	/** A row that never becomes a record (cut short, or not foldable): left out, kept for the download. */
	reject = (row: number): void => {
		this.#bad.add(row);
		this.#leaveOut(row);
	};

	/** Keep a row's original cells until it is written or left out (only when skipping). */
	remember(row: number, raw: string[]): void {
		if (this.skip) this.#raw.set(row, [...raw]);
	}

	/** A row with fewer (or more) cells than the header; `truncated`: the file ends inside its quotes. */
	cutShort(row: number, cells: number, width: number, truncated: boolean): void {
		const where = { file: this.file, row, column: '', value: '', severity: 'error' } as const;
		if (truncated) this.note({ ...where, code: 'cut-short', params: {} });
		else this.note({ ...where, code: 'cell-count', params: { cells, width } });
		this.reject(row);
	}

	/** The rows of a batch that go into the table: all of them, or with skipping the valid ones. */
	keep(placed: Placed[]): Placed[] {
		if (!this.skip) {
			this.#raw.clear();
			return placed;
		}
		const valid: Placed[] = [];
		for (const p of placed) {
			const rows = [p.row, ...(p.also ?? [])];
			if (rows.some((r) => this.#bad.has(r))) for (const r of rows) this.#leaveOut(r);
			else {
				valid.push(p);
				for (const r of rows) this.#raw.delete(r);
			}
		}
		return valid;
	}

	#leaveOut(row: number): void {
		const raw = this.#raw.get(row);
		if (!raw) return;
		this.#raw.delete(row);
		this.skippedRows++;
		this.#skipped.push(Papa.unparse([raw], { newline: '\n' }) + '\n');
	}

	/** Count rows and put the first in the preview; `text`: also append them to the clean CSV. */
	write(placed: Placed[], text = true): void {
		this.rows += placed.length;
		const records = placed.map((p) => p.record);
		for (const r of records) if (this.preview.length < PREVIEW_ROWS) this.preview.push(r);
		if (!text || placed.length === 0) return;
		const csv = Papa.unparse(records, { newline: '\n' }) + '\n';
		this.#parts.push(csv);
		this.#chars += csv.length;
		if (this.#chars > FLUSH_CHARS) {
			this.#blob = new Blob([this.#blob, ...this.#parts]);
			this.#parts = [];
			this.#chars = 0;
		}
	}

	blob(): Blob {
		return new Blob([this.#blob, ...this.#parts], { type: 'text/csv' });
	}

	/** With skipping: the rows left out, under the file's own header. */
	skipped(): { rows: number; output: Blob } | null {
		if (!this.skip) return null;
		return { rows: this.skippedRows, output: new Blob(this.#skipped, { type: 'text/csv' }) };
	}
}
