/** Apply a reviewed upload: swap its staged rows in (or create its table) and save it, then refresh every view. */
import { engineError, entries, message } from './upload-messages';
import { loadSaved, tablesChanged } from './upload-saved.svelte';
import type { UploadJob } from './upload.svelte';

export async function apply(job: UploadJob): Promise<void> {
	const s = job.summary;
	const staged = job.staged;
	if (!s || !staged || job.blocked) return;
	job.phase = 'applying';
	job.staged = null;
	const db = await import('$lib/db/upload-session');
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
		job.error = engineError(db, job.summary, error) ?? {
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
