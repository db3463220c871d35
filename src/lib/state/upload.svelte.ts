/**
 * The upload page's state: one UploadJob per picked file, moving through
 * parsing (worker) → staging (DuckDB) → review → applied, plus the list of
 * saved uploads. Every change to the tables ends with refreshDataset(), so
 * every page queries again.
 */
import { normalise, type Mapping } from '$lib/ingest/headers';
import { todayIso } from '$lib/ingest/validate-cells';
import {
	engineError,
	entries,
	freeName,
	isFailure,
	message,
	readRemembered,
	remember
} from './upload-messages';

export { issuesCsv } from './upload-messages';
export { retype } from './upload-types';
import type { ParseTask } from '$lib/ingest/client';
import type { ParseFailure, ParseOptions, ParseSummary, Progress } from '$lib/ingest/types';
import type { ApplyMode, ColumnType, Diff, Staged } from '$lib/db/upload-session';
import { boot } from './engine.svelte';
import { loadSaved, tablesChanged } from './upload-saved.svelte';

export type Phase =
	'parsing' | 'staging' | 'review' | 'applying' | 'applied' | 'failed' | 'cancelled';

/** The app's own tables: an upload merges into them, never replaces them with another CSV. */
export const RESERVED: readonly string[] = ['incidents', 'places', 'actors', 'targets', 'reports'];

const session = () => import('$lib/db/upload-session');

let nextId = 1;

export class UploadJob {
	readonly id = nextId++;
	phase = $state<Phase>('parsing');
	progress = $state.raw<Progress | null>(null);
	summary = $state.raw<ParseSummary | null>(null);
	failure = $state.raw<ParseFailure | null>(null);
	/** A problem reported by DuckDB or browser storage, in its own words. */
	error = $state<{
		key: 'stage' | 'apply' | 'quota' | 'count' | 'exact' | 'stale';
		detail: string;
		vars?: Record<string, string | number>;
	} | null>(null);
	/** New tables: per column, why the chosen type is refused (it would change values). */
	typeProblems = $state<Record<string, string>>({});
	options = $state.raw<ParseOptions>({});
	diff = $state.raw<Diff | null>(null);
	mode = $state<ApplyMode>('upsert');
	acceptNew = $state(false);
	/** ACLED imports: the side chosen for each new actor (the suggestion until changed). */
	sides = $state<Record<string, string>>({});
	/** New tables: the name, the column types (editable), and whether replacing is confirmed. */
	tableName = $state('');
	columns = $state<ColumnType[]>([]);
	replaceConfirmed = $state(false);
	existing = $state.raw<string[]>([]);
	/** Rows in the table created or merged, once applied. */
	appliedRows = $state(0);
	task: ParseTask | null = null;
	/** The user pressed Cancel during this parse or staging. */
	cancelled = false;
	/** Which parse of this file is the current one. */
	run = 0;
	staged: Staged | null = null;

	constructor(readonly file: File) {}

	/** Errors that stop the apply: bad cells, or unknown names not accepted as new entries. */
	get blocked(): boolean {
		const s = this.summary;
		if (!s) return true;
		if (s.kind === 'table')
			return (
				s.errors > 0 ||
				!this.tableName ||
				this.columns.length === 0 ||
				RESERVED.includes(this.tableName) ||
				Object.keys(this.typeProblems).length > 0 ||
				(this.clash && !this.replaceConfirmed)
			);
		return (
			(s.errors > 0 && !this.skipping) ||
			!!s.dateQuestion ||
			!this.diff ||
			this.noop ||
			(s.unknown.length > 0 && !this.acceptNew)
		);
	}

	/** Invalid rows are left out (the user chose so, and no problem is the file's own). */
	get skipping(): boolean {
		const s = this.summary;
		return !!s?.skipped && s.fileErrors === 0 && s.rows > 0;
	}

	/** Applying would change nothing (0 added, 0 updated, none removed): it is not applied or saved. */
	get noop(): boolean {
		const d = this.diff;
		if (!d || this.summary?.kind === 'table') return false;
		const entries =
			(this.acceptNew ? (this.summary?.unknown.length ?? 0) : 0) +
			(this.summary?.newPlaces.length ?? 0);
		return (
			d.added === 0 &&
			d.updated === 0 &&
			entries === 0 &&
			(this.mode === 'upsert' || d.removed === 0)
		);
	}

	get clash(): boolean {
		return this.existing.includes(this.tableName);
	}
}

/** Phases in which reloading the page would lose the user's work (a parse, a review, a save). */
const UNFINISHED: readonly Phase[] = ['parsing', 'staging', 'review', 'applying'];

class UploadState {
	jobs = $state<UploadJob[]>([]);
	/** Some file is being read, awaits review or is being saved: the page must not reload now. */
	inProgress = $derived(this.jobs.some((j) => UNFINISHED.includes(j.phase)));
}

export const uploads = new UploadState();

export function addFiles(files: Iterable<File>): void {
	for (const file of files) {
		const job = new UploadJob(file);
		uploads.jobs = [...uploads.jobs, job];
		void parse(job);
	}
}

/** Parse again with changed choices (encoding, delimiter, kind, mapping). */
export function reparse(job: UploadJob, patch: Partial<ParseOptions>): void {
	job.options = { ...job.options, ...patch };
	void parse(job);
}

/** Change where one file column goes, remember it for next time, and parse again. */
export function remap(job: UploadJob, index: number, target: string | null): void {
	const s = job.summary;
	if (!s?.mapping || s.kind === 'table') return;
	const name = normalise(s.header[index]!);
	const keep = (job.options.keep ?? []).filter((k) => k !== name);
	if (target === KEEP) keep.push(name);
	const column = target === KEEP ? null : target;
	const mapping: Mapping = s.mapping.map((m, i) =>
		i === index ? column : m === column ? null : m
	);
	if (target !== KEEP) remember(s.kind, name, target);
	reparse(job, { mapping, kind: s.kind, keep });
}

/** The choice, for a file column with no place in the table, to keep it in `<table>_extra`. */
export const KEEP = '+keep';

async function parse(job: UploadJob): Promise<void> {
	// A newer parse of the same file (the user changed a choice) supersedes this one.
	const run = ++job.run;
	const current = () => job.run === run;
	job.task?.cancel();
	job.task = null;
	// Synchronously, so the old review (and its Apply button) is gone before anything else runs.
	Object.assign(job, {
		phase: 'parsing',
		failure: null,
		error: null,
		diff: null,
		progress: null,
		typeProblems: {}
	});
	job.cancelled = false;
	await release(job);
	try {
		await boot();
		const db = await session();
		const { parseInWorker } = await import('$lib/ingest/client');
		const options: ParseOptions = {
			...job.options,
			known: await db.knownValues(),
			remembered: readRemembered(),
			today: todayIso()
		};
		if (!current()) return;
		const task = parseInWorker(job.file, options, (p) => current() && (job.progress = p));
		job.task = task;
		// Cancel may have been pressed while the engine was still starting.
		if (job.cancelled) task.cancel();
		const summary = await task.result;
		if (!current()) return;
		job.task = null;
		job.summary = summary;
		const data = summary.output ?? job.file.slice(summary.bom);
		if (summary.errors > 0 && !job.skipping) {
			// Nothing to stage: the problems are listed and the file must be fixed.
		} else if (summary.kind === 'table') {
			job.phase = 'staging';
			const { staged, columns } = await db.sniffTable(
				data,
				summary.load,
				summary.columns,
				summary.rows
			);
			if (!current()) return void db.discard(staged);
			job.staged = staged;
			// A Parquet or Arrow file's own types; a CSV's are chosen over every value.
			const typed = summary.columnTypes;
			job.columns = typed ? columns.map((c, i) => ({ ...c, type: typed[i] ?? c.type })) : columns;
			job.existing = await db.existingTables();
			if (!job.tableName) job.tableName = freeName(summary.file, job.existing);
		} else {
			job.phase = 'staging';
			const { staged, diff } = await db.stageRows(summary.kind, data, summary.load, summary.rows);
			if (!current()) return void db.discard(staged);
			job.staged = staged;
			job.diff = diff;
		}
		if (job.cancelled) throw new Error('cancelled');
		job.phase = 'review';
	} catch (error) {
		if (!current()) return;
		job.task = null;
		if (job.cancelled) {
			await release(job);
			job.phase = 'cancelled';
		} else if (isFailure(error)) {
			job.failure = error;
			job.phase = error.code === 'cancelled' ? 'cancelled' : 'failed';
		} else {
			job.error = engineError(await session(), job.summary, error) ?? {
				key: 'stage',
				detail: message(error)
			};
			job.phase = 'failed';
		}
	}
}

export async function cancel(job: UploadJob): Promise<void> {
	job.cancelled = true;
	if (job.task) return job.task.cancel();
	if (job.phase === 'staging') await (await session()).cancelStaging();
}

/** Drop a job from the page, releasing its staged data. */
export async function dismiss(job: UploadJob): Promise<void> {
	job.task?.cancel();
	await release(job);
	uploads.jobs = uploads.jobs.filter((j) => j !== job);
}

async function release(job: UploadJob): Promise<void> {
	const staged = job.staged;
	job.staged = null;
	if (staged) await (await session()).discard(staged).catch(() => {});
}

export async function apply(job: UploadJob): Promise<void> {
	const s = job.summary;
	const staged = job.staged;
	if (!s || !staged || job.blocked) return;
	job.phase = 'applying';
	job.staged = null;
	const db = await session();
	let snapshot: (() => Promise<boolean>) | null = null;
	try {
		if (s.kind === 'table') {
			const created = await db.createFromUpload(staged, {
				file: s.file,
				name: job.tableName,
				columns: job.columns.map((c) => ({ name: c.name, type: c.type }))
			});
			job.appliedRows = created.rows;
			snapshot = created.snapshot;
		} else {
			({ snapshot } = await db.applyRows(
				staged,
				{
					file: s.file,
					table: s.kind,
					mode: job.mode,
					rows: s.rows,
					entries: entries(s, job.acceptNew, job.sides)
				},
				s.extra ? { data: s.extra.output, columns: s.extra.columns } : null
			));
			job.appliedRows = s.rows;
		}
		// Every view re-queries before the job says it is done.
		await tablesChanged().catch(() => {});
		job.phase = 'applied';
		// Then the typed copy for fast start-ups, in the background; the list shows it once stored.
		void snapshot?.().then(() => loadSaved().catch(() => {}));
	} catch (error) {
		job.error = engineError(await session(), job.summary, error) ?? {
			key:
				error instanceof db.StorageFullError
					? 'quota'
					: error instanceof db.StaleUploadError
						? 'stale'
						: 'apply',
			detail: message(error)
		};
		job.phase = 'failed';
	}
}
