/**
 * The bulk path on the upload connection (../ingest/pipeline.ts, "At
 * DuckDB's speed"): register the picked file itself (from after its BOM),
 * check it in DuckDB (./bulk-check.ts), write the complete problems list with
 * COPY, and, when nothing blocks, type the rows and compare them with the
 * live table. Nothing in the tables changes here.
 */
import type { BulkPlan } from '$lib/ingest/bulk';
import type { Known } from '$lib/ingest/types';
import type { Diff } from './staging';
import { diffStaged } from './staging';
import { castStaged, textOf } from './staging-cast';
import { serial } from './upload-queue';
import { checkBulk, eachProblemPage, type BulkChecked } from './bulk-check';
import type { Issue } from '$lib/ingest/types';
import { register, release, type Staged } from './upload-staged';

export { BulkDeclined } from './bulk-check';

export interface BulkStaged {
	checked: BulkChecked;
	/** The typed staging table and its diff, when no error blocks the upload. */
	staged: Staged | null;
	diff: Diff | null;
	/** Every problem as CSV, written by DuckDB; null when there are none. */
	problems: Blob | null;
}

/**
 * Throws BulkDeclined (nothing staged) when the file needs the JavaScript
 * path, and as stageRows does (RowCountError is a decline here: the
 * JavaScript path then counts for itself).
 */
export function stageBulk(
	file: Blob,
	plan: BulkPlan,
	known: Known | undefined,
	today: string,
	/** The problems CSV text of one page of issues (with the header on the first). */
	csv: (issues: Issue[], header: boolean) => string
): Promise<BulkStaged> {
	return serial(async (conn) => {
		const staged = await register(file.slice(plan.bom), {
			delimiter: plan.delimiter,
			newLine: '\n'
		});
		const text = textOf(staged.table);
		const findings = `${staged.table}_problems`;
		const drop = (t: string) => conn.exec(`DROP TABLE IF EXISTS temp."${t}"`);
		try {
			const checked = await checkBulk(conn, {
				file: staged.file,
				dialect: staged.dialect,
				kind: plan.kind,
				name: plan.file,
				rows: plan.rows,
				blankRows: plan.blankRows,
				known,
				today,
				text,
				findings
			});
			const parts: string[] = [];
			if (checked.errors + checked.warnings > 0)
				await eachProblemPage(conn, findings, plan.file, plan.blankRows, (issues, first) =>
					parts.push(csv(issues, first))
				);
			await drop(findings);
			// One Blob of text: the issue objects of each page are gone once it is written.
			const problems = parts.length ? new Blob(parts, { type: 'text/csv' }) : null;
			if (checked.errors > 0) {
				await drop(text);
				await release(conn, staged);
				return { checked, staged: null, diff: null, problems };
			}
			await castStaged(conn, plan.kind, text, staged.table);
			return { checked, staged, diff: await diffStaged(conn, plan.kind, staged.table), problems };
		} catch (error) {
			await drop(findings);
			await drop(text);
			await release(conn, staged);
			throw error;
		}
	});
}
