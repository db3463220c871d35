import type { AsyncDuckDB } from '@duckdb/duckdb-wasm';
import type { TableName } from '$lib/schema/tables';
import type { Connector } from './connector';
import type { WasmConnector } from './wasm';
import { loadSnapshot } from './snapshot';
import { registerBlob } from './files';
import { LineEndings } from '$lib/ingest/line-endings';
import { RowCountError, type CsvDialect } from './csv-read';
import { ExactnessError, WORDED_DATES, safeType } from './exact';
import {
	applyStaged,
	createTable,
	dropStage,
	stage,
	stageName,
	stageOther,
	transaction
} from './staging';
import { quoteIdent } from '$lib/query/sql';
import { listUploads, type SavedUpload } from './store';

/**
 * A saved upload that could not be re-applied at start-up (null: the saved
 * list itself could not be read), with the reason as a code the page words in
 * the reader's language: 'count' (the engine read another number of rows than
 * were saved; params parsed, stored), 'exact' (storing would change values;
 * params count), or 'engine' (anything else; `message` is the engine's or
 * the browser's own words, e.g. a DuckDB error).
 */
export interface ReplayProblem {
	upload: SavedUpload | null;
	code: 'count' | 'exact' | 'engine';
	params: Record<string, number>;
	message: string;
}

function replayProblem(upload: SavedUpload | null, error: unknown): ReplayProblem {
	const message = error instanceof Error ? error.message : String(error);
	if (error instanceof RowCountError)
		return {
			upload,
			code: 'count',
			params: { parsed: error.parsed, stored: error.stored },
			message
		};
	if (error instanceof ExactnessError)
		return { upload, code: 'exact', params: { count: error.count }, message };
	return { upload, code: 'engine', params: {}, message };
}

/**
 * Re-apply the user's saved uploads (./store.ts), in the order they were
 * applied, on top of freshly loaded shipped tables. One that fails (say the
 * codebook changed since) is skipped and reported; the others still apply,
 * and start-up never fails because of browser storage. Resolves with the
 * problems (empty when every saved upload applied).
 */
export async function replayUploads(
	db: AsyncDuckDB,
	conn: WasmConnector
): Promise<ReplayProblem[]> {
	const replayProblems: ReplayProblem[] = [];
	let saved: SavedUpload[];
	try {
		saved = await listUploads();
	} catch (error) {
		return [replayProblem(null, error)];
	}
	for (const upload of saved) {
		let typed: string | null = null;
		try {
			// The Arrow snapshot when there is one; the CSV when not, or when the snapshot fails.
			typed = upload.snapshot ? await fromSnapshot(db, conn, upload) : 'none';
			if (typed !== null) await replayOne(db, conn, upload);
		} catch (error) {
			const problem = replayProblem(upload, error);
			// Why the typed copy was not used either, when there was one.
			if (typed && typed !== 'none') problem.message += ` (typed copy: ${typed})`;
			replayProblems.push(problem);
		}
	}
	return replayProblems;
}

/**
 * Re-apply a saved upload from its Arrow snapshot (./snapshot.ts): no text is
 * parsed or cast, the rows were checked when the upload was applied. Null
 * when applied; else why the snapshot cannot be used (nothing changed): the
 * caller replays the CSV.
 */
async function fromSnapshot(
	db: AsyncDuckDB,
	conn: WasmConnector,
	upload: SavedUpload
): Promise<string | null> {
	const staged = stageName();
	const t = `temp.${quoteIdent(staged)}`;
	try {
		if (upload.mode === 'create') {
			// Empty, with the columns and types saved with the upload; the snapshot's rows go in.
			const columns = Object.entries(upload.types ?? {})
				// A worded date type ('DATE (21 March 2020)') is stored as DATE.
				.map(
					([name, type]) => `${quoteIdent(name)} ${WORDED_DATES[type] ? 'DATE' : safeType(type)}`
				)
				.join(', ');
			await conn.exec(`CREATE TEMP TABLE ${quoteIdent(staged)} (${columns})`);
			await loadSnapshot(conn, upload.snapshot!, staged);
			await transaction(conn, () =>
				conn.exec(`CREATE OR REPLACE TABLE main.${quoteIdent(upload.table)} AS SELECT * FROM ${t}`)
			);
			return null;
		}
		// Staged rows have the codebook table's columns and types, in its order.
		await conn.exec(
			`CREATE TEMP TABLE ${quoteIdent(staged)} AS SELECT * FROM main.${quoteIdent(upload.table)} LIMIT 0`
		);
		await loadSnapshot(conn, upload.snapshot!, staged);
		const extraFile = upload.extra ? await registerBlob(db, upload.extra.data) : null;
		try {
			await applyStaged(
				conn,
				upload.table as TableName,
				staged,
				upload.mode,
				upload.entries ?? { actors: [], targets: [], places: [] },
				async () => {},
				extraFile && upload.extra ? { file: extraFile, columns: upload.extra.columns } : null
			);
		} finally {
			if (extraFile) await db.dropFile(extraFile);
		}
		return null;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	} finally {
		await dropStage(conn, staged).catch(() => {});
	}
}

/**
 * A saved upload's data and dialect. Records saved before the dialect was
 * kept are comma-separated; if one has CR line endings it is converted to
 * LF here (the engine is only ever given LF, see ./csv-read.ts).
 */
async function savedData(upload: SavedUpload): Promise<{ data: Blob; dialect: CsvDialect }> {
	const delimiter = upload.delimiter ?? ',';
	if (upload.newLine || !(await upload.data.slice(0, 64 * 1024).text()).includes('\r'))
		return { data: upload.data, dialect: { delimiter, newLine: '\n' } };
	const endings = new LineEndings();
	const parts: string[] = [];
	const reader = upload.data.stream().pipeThrough(new TextDecoderStream()).getReader();
	for (let r = await reader.read(); !r.done; r = await reader.read())
		parts.push(endings.push(r.value));
	parts.push(endings.end());
	return { data: new Blob(parts), dialect: { delimiter, newLine: '\n' } };
}

async function replayOne(db: AsyncDuckDB, conn: Connector, upload: SavedUpload): Promise<void> {
	const { data, dialect } = await savedData(upload);
	const file = await registerBlob(db, data);
	try {
		if (upload.mode === 'create') {
			const types = Object.entries(upload.types ?? {}).map(([name, type]) => ({ name, type }));
			const text = stageName();
			try {
				await stageOther(
					conn,
					file,
					dialect,
					types.map((t) => t.name),
					text,
					upload.rows
				);
				await createTable(conn, upload.table, text, types);
			} finally {
				await dropStage(conn, text);
			}
			return;
		}
		const table = upload.table as TableName;
		const staged = stageName();
		await stage(conn, table, file, staged, dialect, upload.rows);
		const extraFile = upload.extra ? await registerBlob(db, upload.extra.data) : null;
		try {
			await applyStaged(
				conn,
				table,
				staged,
				upload.mode,
				upload.entries ?? { actors: [], targets: [], places: [] },
				async () => {},
				extraFile && upload.extra ? { file: extraFile, columns: upload.extra.columns } : null
			);
		} finally {
			if (extraFile) await db.dropFile(extraFile);
		}
	} finally {
		await db.dropFile(file);
	}
}
