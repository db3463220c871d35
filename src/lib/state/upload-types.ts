/** New tables: a column type the user picks is checked against every value before it is taken. */
import { formatNumber, t } from '$lib/i18n';
import { describeChanges } from './upload-messages';
import type { UploadJob } from './upload.svelte';

/**
 * The user picked another type for a new table's column: allowed only when
 * it changes no value of the file; otherwise refused, naming the rows.
 */
export async function retype(job: UploadJob, column: string, type: string): Promise<void> {
	const s = job.summary;
	const staged = job.staged;
	job.columns = job.columns.map((c) => (c.name === column ? { ...c, type } : c));
	job.typeProblems = Object.fromEntries(
		Object.entries(job.typeProblems).filter(([name]) => name !== column)
	);
	if (!s || !staged) return;
	const changed = await (await import('$lib/db/upload-session')).checkType(staged, column, type);
	if (changed.count === 0) return;
	job.typeProblems = {
		...job.typeProblems,
		[column]: t('data.table.changes', {
			type,
			count: formatNumber(changed.count),
			column,
			examples: describeChanges(s, changed.first)
		})
	};
}
