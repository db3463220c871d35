/**
 * Saved uploads kept as Arrow IPC next to their CSV, so a start-up loads
 * typed columns straight into DuckDB instead of parsing text again.
 *
 * A snapshot is the engine's own Arrow stream of the rows as staged (after
 * every check and cast): the schema message, then record-batch messages in
 * parts of about PART_BYTES, each part a Blob in IndexedDB. Replaying feeds
 * the parts back to DuckDB one at a time (schema + part + end-of-stream), so
 * no more than one part is in page memory at once. It is not decoded in
 * JavaScript either way. The CSV stays the upload's record: when a snapshot
 * is missing (uploads from older builds), damaged, or no longer fits the
 * table, the CSV is replayed instead (./uploads.ts).
 */
import { quoteIdent } from '$lib/query/sql';
import type { WasmConnector } from './wasm';

export interface Snapshot {
	format: 'arrow-ipc';
	/** The stream's schema message. */
	schema: Blob;
	/** Record-batch messages, whole ones only, about PART_BYTES each. */
	parts: Blob[];
	rows: number;
	/** The column names, in order: a snapshot is used only while its table still has exactly these. */
	columns: string[];
	/** Bytes of the schema and parts together. */
	bytes: number;
}

/** Size of one stored part: small enough to hold in memory while it loads, large enough to be few. */
const PART_BYTES = 16 * 1024 * 1024;

/** Arrow IPC end-of-stream: continuation marker, then a zero length. */
const EOS = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/** The rows of `select` as a snapshot (its rows and columns are found by the caller). */
export async function takeSnapshot(
	conn: WasmConnector,
	select: string,
	shape: { rows: number; columns: string[] }
): Promise<Snapshot> {
	let schema: Blob | null = null;
	const parts: Blob[] = [];
	let pending: Uint8Array[] = [];
	let pendingBytes = 0;
	let bytes = 0;
	const flush = () => {
		if (pending.length) parts.push(new Blob(pending as BlobPart[]));
		pending = [];
		pendingBytes = 0;
	};
	await conn.ipcStream(select, (chunk) => {
		bytes += chunk.length;
		// The chunk may be a view into the engine's transfer buffer: kept as a copy.
		const own = chunk.slice();
		if (!schema) return void (schema = new Blob([own]));
		pending.push(own);
		pendingBytes += own.length;
		if (pendingBytes >= PART_BYTES) flush();
	});
	flush();
	if (!schema) throw new Error('the engine returned no Arrow schema');
	return { format: 'arrow-ipc', schema, parts, ...shape, bytes };
}

/**
 * Append a snapshot's rows, part by part, to TEMP table `into`, which the
 * caller creates empty with the columns in the snapshot's order (the engine
 * cannot create a TEMP table from Arrow itself). Throws when the engine
 * refuses a part or the table's row count is not the saved one.
 */
export async function loadSnapshot(
	conn: WasmConnector,
	snapshot: Snapshot,
	into: string
): Promise<void> {
	const names = await conn.query<{ n: string }>(
		`SELECT column_name AS n FROM (DESCRIBE temp.${quoteIdent(into)})`
	);
	const now = names.map((r) => r.n).join(', ');
	if (now !== snapshot.columns.join(', '))
		throw new Error(`the table's columns changed since it was saved (${now})`);
	const schema = new Uint8Array(await snapshot.schema.arrayBuffer());
	for (const blob of snapshot.parts) {
		const part = new Uint8Array(await blob.arrayBuffer());
		const stream = new Uint8Array(schema.length + part.length + EOS.length);
		stream.set(schema, 0);
		stream.set(part, schema.length);
		stream.set(EOS, schema.length + part.length);
		await conn.insertIpc(stream, into, 'temp', false);
	}
	const [r] = await conn.query<{ n: number }>(
		`SELECT count(*)::BIGINT AS n FROM temp.${quoteIdent(into)}`
	);
	const stored = Number(r?.n ?? 0);
	if (stored !== snapshot.rows)
		throw new Error(`the saved copy has ${stored} rows, the upload had ${snapshot.rows}`);
}

/** A stored value of the snapshot shape (checked before it is used; a bad one means CSV replay). */
export function isSnapshot(v: unknown): v is Snapshot {
	if (typeof v !== 'object' || v === null) return false;
	const s = v as Record<string, unknown>;
	return (
		s.format === 'arrow-ipc' &&
		s.schema instanceof Blob &&
		Array.isArray(s.parts) &&
		s.parts.every((p) => p instanceof Blob) &&
		typeof s.rows === 'number' &&
		typeof s.bytes === 'number' &&
		Array.isArray(s.columns) &&
		s.columns.every((c) => typeof c === 'string')
	);
}
