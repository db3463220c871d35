import type { Connector } from '$lib/db/connector';
import {
	columns,
	qualifiedName,
	relations,
	rowCounts,
	vocabulary,
	type CatalogColumn,
	type CatalogRelation
} from '$lib/query/catalog';

export interface CatalogEntry extends CatalogRelation {
	/** Exact row count (tables only). */
	rows: number | null;
	columns: { name: string; type: string }[];
	/** The name as it would be typed in SQL. */
	sqlName: string;
}

/** What the schema browser lists and the editor completes, read live from DuckDB's catalog. */
class SqlCatalog {
	entries = $state.raw<CatalogEntry[]>([]);
	keywords = $state.raw<string[]>([]);
	functions = $state.raw<string[]>([]);
	error = $state<string | null>(null);

	async refresh(conn: Connector): Promise<void> {
		try {
			const rels = await conn.query<CatalogRelation>(relations());
			const cols = await conn.query<CatalogColumn>(columns());
			const tables = rels.filter((r) => r.kind === 'table');
			const countQuery = rowCounts(tables);
			const counts = countQuery ? await conn.query<{ i: number; n: number }>(countQuery) : [];
			const byIndex = new Map(counts.map((c) => [c.i, c.n]));
			const key = (r: { database: string; schema: string }, name: string) =>
				`${r.database}\u0000${r.schema}\u0000${name}`;
			const colsOf: Record<string, { name: string; type: string }[]> = {};
			for (const c of cols) (colsOf[key(c, c.table)] ??= []).push({ name: c.name, type: c.type });
			this.entries = rels.map((r) => ({
				...r,
				rows: r.kind === 'table' ? (byIndex.get(tables.indexOf(r)) ?? null) : null,
				columns: colsOf[key(r, r.name)] ?? [],
				sqlName: qualifiedName(r)
			}));
			this.error = null;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
		}
	}

	/** Keywords and functions do not change while the engine runs: read them once. */
	async loadVocabulary(conn: Connector): Promise<void> {
		if (this.keywords.length) return;
		const words = await conn.query<{ kind: string; word: string }>(vocabulary());
		this.keywords = words.filter((w) => w.kind === 'keyword').map((w) => w.word);
		this.functions = words.filter((w) => w.kind === 'function').map((w) => w.word);
	}

	/** Table name → column names, the shape @codemirror/lang-sql completes from. */
	get completionSchema(): Record<string, string[]> {
		return Object.fromEntries(this.entries.map((e) => [e.name, e.columns.map((c) => c.name)]));
	}
}

export const catalog = new SqlCatalog();
