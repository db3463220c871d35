/**
 * Taking a saved upload's Arrow snapshot (./snapshot.ts) after it was
 * applied, on the upload connection, queued behind the apply: the upload is
 * queryable and saved (as CSV) before this starts, so its time is not part
 * of the upload's. If it fails (storage full, engine restarted), the upload
 * simply stays CSV-only and replays from text; the saved-uploads list shows
 * which uploads have a snapshot.
 */
import { quoteIdent } from '$lib/query/sql';
import { serial } from './upload-queue';
import { takeSnapshot } from './snapshot';
import { addSnapshot } from './store';
import type { WasmConnector } from './wasm';

/** What to snapshot: a TEMP table (dropped afterwards) or a table in main (kept). */
export type SnapshotSource = { temp: string } | { main: string };

/** Queue the snapshot of saved upload `id`; resolves true when it is stored, false when given up. */
export function queueSnapshot(id: number, source: SnapshotSource): Promise<boolean> {
	return serial(async (conn) => {
		try {
			return await keep(conn, id, source);
		} catch {
			return false;
		} finally {
			if ('temp' in source)
				await conn.exec(`DROP TABLE IF EXISTS temp.${quoteIdent(source.temp)}`).catch(() => {});
		}
	});
}

async function keep(conn: WasmConnector, id: number, source: SnapshotSource): Promise<boolean> {
	const from =
		'temp' in source ? `temp.${quoteIdent(source.temp)}` : `main.${quoteIdent(source.main)}`;
	const [r] = await conn.query<{ n: number }>(`SELECT count(*)::BIGINT AS n FROM ${from}`);
	const names = await conn.query<{ n: string }>(`SELECT column_name AS n FROM (DESCRIBE ${from})`);
	const snapshot = await takeSnapshot(conn, `SELECT * FROM ${from}`, {
		rows: Number(r?.n ?? 0),
		columns: names.map((c) => c.n)
	});
	return addSnapshot(id, snapshot);
}
