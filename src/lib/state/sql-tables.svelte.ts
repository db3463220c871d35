import type { Connector } from '$lib/db/connector';
import { existingTables, tableFingerprint } from '$lib/query/catalog';
import { TABLE_COLUMNS } from '$lib/schema/tables';
import { boot, engine, refreshDataset } from './engine.svelte';

const BASE = Object.keys(TABLE_COLUMNS);

/**
 * Watches the base tables (shipped data plus uploads) for changes made from
 * the SQL console. The baseline is taken whenever the tables were loaded by
 * the app itself (boot, upload, restore); a console statement that drops,
 * alters or edits one of them shows up as a difference from it.
 */
class TableGuard {
	/** Base tables that differ from what the app loaded. */
	changed = $state.raw<string[]>([]);
	restoring = $state(false);
	#baseline: Record<string, string> | null = null;
	#last: Record<string, string> = {};
	#seenVersion = -1;

	/** Before a run: if the app reloaded tables since we last looked, that is the new baseline. */
	async prepare(conn: Connector): Promise<void> {
		if (this.#baseline && engine.version === this.#seenVersion) return;
		this.#baseline = await fingerprint(conn);
		this.#last = this.#baseline;
		this.#seenVersion = engine.version;
		this.changed = [];
	}

	/** After a run: compare, and let the rest of the app know when base tables changed. */
	async check(conn: Connector): Promise<void> {
		if (!this.#baseline) return;
		const now = await fingerprint(conn);
		this.changed = BASE.filter((t) => now[t] !== this.#baseline![t]);
		const moved = BASE.some((t) => now[t] !== this.#last[t]);
		this.#last = now;
		if (moved) {
			// Views (dashboard, footer) re-query; the footer may fail if incidents is gone.
			const main = await boot();
			await refreshDataset(main).catch(() => (engine.version += 1));
			this.#seenVersion = engine.version;
		}
	}

	/** Reload the shipped data and saved uploads, then take a new baseline. */
	async restore(conn: Connector): Promise<void> {
		this.restoring = true;
		try {
			const db = await import('$lib/db');
			await db.restoreTables();
			await refreshDataset(await boot());
			this.#baseline = null;
			await this.prepare(conn);
		} finally {
			this.restoring = false;
		}
	}
}

async function fingerprint(conn: Connector): Promise<Record<string, string>> {
	const names = (await conn.query<{ name: string }>(existingTables(BASE))).map((r) => r.name);
	const rows = await conn.query<{ name: string; print: string }>(tableFingerprint(names));
	return Object.fromEntries(rows.map((r) => [r.name, r.print]));
}

export const tables = new TableGuard();
