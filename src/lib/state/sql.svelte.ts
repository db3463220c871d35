import { Type, type Table } from 'apache-arrow';
import type { WasmConnector } from '$lib/db';
import { ResultTable, type ColumnLayout } from '$lib/grid/result';
import { sortOrder, type SortDirection } from '$lib/grid/sort';
import { readEngineError } from '$lib/query/error-position';
import { isReadOnly, splitStatements, type Statement } from '$lib/query/statements';
import { boot, engine, restartEngine } from './engine.svelte';
import { catalog } from './sql-catalog.svelte';
import { history } from './sql-history.svelte';
import { displayPlan, engineOrder } from './sql-run';
import { tables } from './sql-tables.svelte';

export interface SqlError {
	kind: 'sql' | 'cancelled' | 'memory' | 'crashed';
	message: string;
	/** Where the error points in the editor's document, when DuckDB says. */
	from: number | null;
	/** Which statement failed (1-based) when the script had several. */
	statement: number;
	statements: number;
}

export interface SortState {
	column: number;
	dir: SortDirection;
}

/** The console's session: one connection of its own, the running query, the last result or error. */
class SqlConsole {
	running = $state(false);
	/** How many runs have finished (ok, failed or cancelled): tells a finished run from one not yet started. */
	finishedRuns = $state(0);
	/** Rows received so far by the running statement, and which statement it is. */
	progress = $state.raw<{ rows: number; statement: number; statements: number } | null>(null);
	result = $state.raw<ResultTable | null>(null);
	/** Bumped when the displayed order of `result` changes (the table object stays the same). */
	resultVersion = $state(0);
	elapsedMs = $state<number | null>(null);
	statementCount = $state(0);
	error = $state.raw<SqlError | null>(null);
	/** Set while the engine is being restarted after a crash. */
	restarting = $state(false);
	sort = $state.raw<SortState | null>(null);
	sorting = $state(false);
	/** The result stopped at MAX_ROWS / MAX_BYTES: the grid shows the first part only. */
	truncated = $state(false);
	#conn: Promise<WasmConnector> | null = null;
	/** The tail of the queue of work on the connection (see exclusive()). */
	#queue: Promise<unknown> = Promise.resolve();
	/** Cancel pressed: later statements of the script do not start. */
	#cancelRequested = false;

	/** The engine generation #conn belongs to: a connection of a dead engine is never reused. */
	#generation = -1;

	connection(): Promise<WasmConnector> {
		const generation = engine.generation;
		if (this.#conn && this.#generation !== generation) this.#conn = null;
		this.#conn ??= (async () => {
			await boot();
			const db = await import('$lib/db');
			const conn = await db.openConnector();
			this.#generation = db.engine.generation;
			return conn;
		})().catch((e: unknown) => {
			this.#conn = null;
			throw e;
		});
		return this.#conn;
	}

	/**
	 * Run `work` alone on the console's connection. A connection streams one
	 * result at a time: a catalog query sent while a result is still arriving
	 * would corrupt it, so everything but cancel() waits its turn here.
	 */
	exclusive<T>(work: (conn: WasmConnector) => Promise<T>): Promise<T> {
		const next = this.#queue.then(async () => work(await this.connection()));
		this.#queue = next.catch(() => {});
		return next;
	}

	/** Load the catalog and the table baseline once the engine is up. */
	open(): Promise<void> {
		return this.exclusive(async (conn) => {
			await tables.prepare(conn);
			await catalog.loadVocabulary(conn);
			await catalog.refresh(conn);
		});
	}

	/** List the tables again (after an upload or restore elsewhere in the app). */
	refreshCatalog(): Promise<void> {
		return this.exclusive((conn) => catalog.refresh(conn));
	}

	/**
	 * Run a script: its statements in order, the last one's rows shown.
	 * `offset` is where the script starts in the editor (a selection), so
	 * error positions land on the right characters.
	 */
	async run(script: string, offset = 0): Promise<void> {
		const statements = splitStatements(script);
		if (statements.length === 0 || this.running) return;
		this.running = true;
		this.#cancelRequested = false;
		try {
			await this.exclusive((conn) => this.#runAll(conn, script, statements, offset));
		} catch (e) {
			// The connection could not be opened (the engine failed to start): say so here too.
			this.error = { kind: 'sql', message: String(e), from: null, statement: 1, statements: 1 };
		} finally {
			this.running = false;
			this.progress = null;
			this.finishedRuns++;
		}
		await this.exclusive(async (conn) => {
			await tables.check(conn);
			await catalog.refresh(conn);
		}).catch(() => {}); // the engine is being restarted; open() refreshes both when it is back
	}

	async #runAll(conn: WasmConnector, script: string, statements: Statement[], offset: number) {
		this.error = null;
		this.progress = { rows: 0, statement: 1, statements: statements.length };
		const started = performance.now();
		let current: Statement = statements[0]!;
		/** The SQL actually sent for `current` (it may wrap the statement, see displayPlan). */
		let sent = current.text;
		let index = 0;
		try {
			await tables.prepare(conn);
			let table: Table | null = null;
			let layout: ColumnLayout[] | undefined;
			let truncated = false;
			for (const [i, st] of statements.entries()) {
				if (this.#cancelRequested) throw new (await import('$lib/db')).QueryCancelled();
				current = st;
				index = i;
				this.progress = { rows: 0, statement: i + 1, statements: statements.length };
				const last = i === statements.length - 1;
				// The last statement's rows are shown: run it so DuckDB also sends its own text.
				const plan = last && isReadOnly(st.text) ? await displayPlan(conn, st.text) : null;
				layout = plan?.columns;
				sent = plan?.sql ?? st.text;
				let bytes = 0;
				truncated = false;
				table = await conn.arrow(sent, (batch, rows) => {
					this.progress = { rows, statement: i + 1, statements: statements.length };
					bytes += batch.data.byteLength;
					truncated = rows >= MAX_ROWS || bytes >= MAX_BYTES;
					return !truncated;
				});
			}
			this.result = new ResultTable(table!, layout);
			this.truncated = truncated;
			this.sort = null;
			this.elapsedMs = performance.now() - started;
			this.statementCount = statements.length;
			history.add({
				sql: script,
				at: Date.now(),
				ok: true,
				rows: this.result.numRows,
				ms: Math.round(this.elapsedMs)
			});
		} catch (e) {
			history.add({ sql: script, at: Date.now(), ok: false });
			await this.#fail(e, current, sent, index, statements.length, offset);
		}
	}

	async #fail(
		e: unknown,
		st: Statement,
		sent: string,
		index: number,
		count: number,
		offset: number
	) {
		const db = await import('$lib/db');
		const message = e instanceof Error ? e.message : String(e);
		const base = { statement: index + 1, statements: count, from: null };
		if (e instanceof db.QueryCancelled) {
			this.error = { ...base, kind: 'cancelled', message };
			return;
		}
		let failure = db.engineFailure(e);
		if (failure === 'memory' && !(await this.#alive())) failure = 'crashed';
		if (failure === 'crashed') {
			this.error = { ...base, kind: 'crashed', message };
			// Not awaited: restart() queues open() behind this run, which holds the queue.
			void this.restart();
			return;
		}
		// An error in a wrapped statement points into the wrapper: shift it back onto the user's text.
		const shift = sent.indexOf(st.text);
		const read = readEngineError(message, sent);
		const at = read.offset === null || shift < 0 ? null : read.offset - shift;
		this.error = {
			...base,
			kind: failure ?? 'sql',
			message: read.message,
			from: at === null || at < 0 || at > st.text.length ? null : offset + st.from + at
		};
	}

	async #alive(): Promise<boolean> {
		try {
			await (await this.#conn)?.query('SELECT 1');
			return true;
		} catch {
			return false;
		}
	}

	/** A new engine with the shipped data and saved uploads; the console gets a new connection. */
	async restart(): Promise<void> {
		this.restarting = true;
		try {
			this.#conn = null;
			await restartEngine();
			await this.open();
		} finally {
			this.restarting = false;
		}
	}

	/** Not queued: it must reach the connection while the run holds the queue. */
	async cancel(): Promise<void> {
		if (!this.running) return;
		this.#cancelRequested = true;
		await (await this.connection()).cancel();
	}

	/**
	 * Header click: ascending, then descending, then the order DuckDB returned.
	 * Small results sort in JS at once; large ones in DuckDB, off the main
	 * thread (a million strings would freeze the page for seconds in JS).
	 */
	async sortBy(column: number): Promise<void> {
		const result = this.result;
		if (!result || this.sorting) return;
		const prev = this.sort?.column === column ? this.sort.dir : null;
		const dir: SortDirection | null = prev === null ? 'asc' : prev === 'asc' ? 'desc' : null;
		this.sorting = true;
		try {
			result.order = !dir
				? null
				: result.numRows <= JS_SORT_LIMIT ||
					  !ENGINE_SORTABLE.includes(result.columns[column]!.arrow.typeId)
					? sortOrder(result, column, dir)
					: await this.exclusive((conn) => engineOrder(conn, result, column, dir)).catch(() =>
							sortOrder(result, column, dir)
						);
			this.sort = dir ? { column, dir } : null;
			this.resultVersion++;
		} finally {
			this.sorting = false;
		}
	}

	restoreTables(): Promise<void> {
		return this.exclusive(async (conn) => {
			await tables.restore(conn);
			await catalog.refresh(conn);
		});
	}
}

/**
 * A result is read into this tab's memory; past these sizes reading stops so
 * that `SELECT * FROM range(1e9)` cannot take the tab down. The user is told.
 */
const MAX_ROWS = 10_000_000;
const MAX_BYTES = 512 * 1024 ** 2;

/** Up to this many rows, sorting in JS takes well under a frame or two. */
const JS_SORT_LIMIT = 50_000;

/**
 * Arrow types DuckDB reads back with the same order as the original column.
 * Others (UHUGEINT travels as bytes, ENUM as a dictionary) sort in JS by
 * their value or DuckDB's text (see $lib/grid/sort).
 */
const ENGINE_SORTABLE: Type[] = [
	Type.Decimal,
	Type.Int,
	Type.Float,
	Type.Utf8,
	Type.Bool,
	Type.Date,
	Type.Timestamp
];

export const sqlConsole = new SqlConsole();
