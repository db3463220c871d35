import { QueryManager, Superseded, type ConnectionSource } from '$lib/db/query-manager';
import type { AggregateSpec } from '$lib/query/aggregates';
import { buildCube, cubeQuery, type CubePlan } from '$lib/query/cube';
import {
	dashboardQuery,
	splitAggregates,
	withHeadline,
	type DashboardData
} from '$lib/query/dashboard';
import { buildFacts } from '$lib/query/facts';
import {
	DIMENSIONS,
	filtersToSearch,
	whereClause,
	withoutKeys,
	type Dimension,
	type Filters
} from '$lib/query/filters';
import {
	incidentDetail,
	incidentPage,
	type IncidentDetail,
	type IncidentRow,
	type ListOptions
} from '$lib/query/incidents';
import { filterOptions, splitOptions, type FilterOptions } from '$lib/query/options';

export type LoadStatus = 'loading' | 'ready' | 'error';

/** An index built for one dimension: its plan, the filters it was built under, the data version. */
interface Index {
	plan: CubePlan;
	base: string;
	version: number;
	/** Which build of its table this is (the table is rebuilt under the same name). */
	build: number;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The cross-filter input of an aggregate: equal keys mean equal rows (for one data version). */
const inputKey = (spec: AggregateSpec, f: Filters) => JSON.stringify(whereClause(f, spec.omit));

/**
 * The dashboard's data: every panel is a client of one QueryManager on the
 * dashboard's own connection. A filter change asks only for the aggregates
 * whose cross-filter changed (a clicked panel's own data does not change, so
 * it is neither queried nor redrawn), in one statement, answered from a
 * pre-aggregated index when one fits. The incident list runs after the charts
 * at low priority. Latest wins: a newer filter state cancels the older one's
 * statement. Constructed with its connection source so tests use Node DuckDB.
 */
export class DashboardState {
	status = $state<LoadStatus>('loading');
	error = $state<string | null>(null);
	data = $state.raw<DashboardData | null>(null);
	options = $state.raw<FilterOptions | null>(null);
	listStatus = $state<LoadStatus>('loading');
	list = $state.raw<IncidentRow[]>([]);
	/** Milliseconds the last chart update took, from request to result (shown for transparency). */
	lastMs = $state<number | null>(null);
	/** The dimension whose index answered the last update, or null for a scan. */
	lastCube = $state<Dimension | null>(null);

	#q: QueryManager;
	#specs: readonly AggregateSpec[];
	#facts: { key: string; done: Promise<void> } | null = null;
	#source: ConnectionSource;
	// Plain bookkeeping, not reactive state: the page reads `data`, never these.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#loaded = new Map<string, string>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#indexes = new Map<Dimension, Index>();
	#seq = 0;
	#builds = 0;
	/** The newest data version asked for. */
	#latest = -1;

	constructor(source: ConnectionSource, specs: readonly AggregateSpec[]) {
		this.#source = source;
		this.#q = new QueryManager(source);
		this.#specs = withHeadline(specs);
	}

	/** The query manager (tests read `sent`; the SQL of a request is never built twice). */
	get queries(): QueryManager {
		return this.#q;
	}

	/**
	 * Rebuild the facts table (and the filter options) when the loaded tables
	 * changed, or when the engine restarted (a TEMP table dies with its
	 * connection). Every caller of one data version shares one build.
	 */
	#ensureFacts(version: number): Promise<void> {
		// A caller of an older data version (an idle index build started before the tables
		// changed) must not rebuild the facts: its build would supersede the current one's.
		if (version < this.#latest) return Promise.reject(new Superseded());
		this.#latest = version;
		const key = `${version}:${this.#source.generation()}`;
		if (this.#facts?.key === key) return this.#facts.done;
		const done = this.#buildFacts();
		this.#facts = { key, done };
		done.catch(() => {
			if (this.#facts?.done === done) this.#facts = null;
		});
		return done;
	}

	async #buildFacts(): Promise<void> {
		this.#indexes.clear();
		this.#loaded.clear();
		this.#q.invalidate();
		await this.#q.request({ client: 'facts', query: buildFacts(), exec: true });
		this.options = splitOptions(
			await this.#q.request<{ dim: string; value: string | null; label: string | null }>({
				client: 'options',
				query: filterOptions()
			})
		);
	}

	/** The index that answers every changed aggregate, if one does. */
	#indexFor(filters: Filters, version: number): Index | null {
		for (const [dim, ix] of this.#indexes)
			if (ix.version === version && filtersToSearch(withoutKeys(filters, [dim])) === ix.base)
				return ix;
		return null;
	}

	/**
	 * Bring the charts up to `filters`. Resolves when they are (or when a newer
	 * call superseded this one). Only aggregates whose cross-filter changed are asked for.
	 */
	async update(filters: Filters, version: number): Promise<void> {
		const seq = ++this.#seq;
		const started = performance.now();
		if (!this.data) this.status = 'loading';
		try {
			await this.#ensureFacts(version);
			if (seq !== this.#seq) return;
			const keys: Record<string, string> = Object.fromEntries(
				this.#specs.map((s) => [s.name, inputKey(s, filters)])
			);
			const changed = this.data
				? this.#specs.filter((s) => this.#loaded.get(s.name) !== keys[s.name])
				: this.#specs;
			if (changed.length === 0) return this.#done(started, null);
			this.status = 'loading';
			const ix = this.#indexFor(filters, version);
			const names = changed.map((s) => s.name);
			const query = ix
				? cubeQuery(ix.plan, filters[ix.plan.dim], names)
				: dashboardQuery(filters, changed);
			// An index answer is cached with the build of the table it read: the same SQL
			// reads a table that is rebuilt under other filters.
			const rows = await this.#q.request({
				client: 'charts',
				query,
				priority: 'high',
				cache: true,
				key: ix ? `${ix.plan.table}#${ix.build}` : undefined
			});
			if (seq !== this.#seq) return;
			const part = splitAggregates(rows, changed);
			this.data = { ...(this.data ?? {}), ...part } as DashboardData;
			for (const s of changed) this.#loaded.set(s.name, keys[s.name]!);
			this.#done(started, ix?.plan.dim ?? null);
		} catch (e) {
			if (e instanceof Superseded || seq !== this.#seq) return;
			this.error = message(e);
			this.status = 'error';
		}
	}

	#done(started: number, dim: Dimension | null) {
		this.lastMs = performance.now() - started;
		this.lastCube = dim;
		this.status = 'ready';
		this.error = null;
	}

	/**
	 * Build the index for `dim` under the current filters (low priority: behind
	 * the charts and the list), so the next changes of that dimension are
	 * answered without a scan. Only an optimisation: failures are ignored.
	 */
	async prepare(dim: Dimension, filters: Filters, version: number): Promise<void> {
		const base = filtersToSearch(withoutKeys(filters, [dim]));
		const cur = this.#indexes.get(dim);
		if (cur && cur.base === base && cur.version === version) return;
		try {
			await this.#ensureFacts(version);
			// Replaced in place: the old index is forgotten first, so no update reads it half-built.
			this.#indexes.delete(dim);
			const { query, plan } = buildCube(dim, filters, this.#specs);
			await this.#q.request({ client: `index:${dim}`, query, priority: 'low' });
			this.#indexes.set(dim, { plan, base, version, build: ++this.#builds });
		} catch {
			this.#indexes.delete(dim);
		}
	}

	/**
	 * Index every dimension that has no index of this data version yet, one
	 * after another at low priority (called when the browser is idle after the
	 * first paint). An index a later filter change made stale is rebuilt only
	 * when the pointer enters its panel (prepare), as Mosaic activates its data
	 * cubes: rebuilding every index after every click kept the engine busy, and
	 * the next click's charts waited behind a running index build (one
	 * statement at a time in the wasm worker).
	 */
	async prepareAll(filters: Filters, version: number): Promise<void> {
		for (const d of DIMENSIONS)
			if (this.#indexes.get(d)?.version !== version) await this.prepare(d, filters, version);
	}

	/** One page of the incident list, after the charts (low priority). */
	async loadList(filters: Filters, options: ListOptions, version: number): Promise<void> {
		this.listStatus = 'loading';
		try {
			await this.#ensureFacts(version);
			const rows = await this.#q.request<IncidentRow>({
				client: 'list',
				query: incidentPage(filters, options),
				priority: 'low',
				cache: true
			});
			this.list = rows;
			this.listStatus = 'ready';
		} catch (e) {
			if (e instanceof Superseded) return;
			this.error = message(e);
			this.listStatus = 'error';
		}
	}

	/** The expanded row's details (evidence, reports, place). */
	async loadDetail(id: string): Promise<IncidentDetail | null> {
		const rows = await this.#q.request<IncidentDetail>({
			client: `detail:${id}`,
			query: incidentDetail(id),
			priority: 'high'
		});
		return rows[0] ?? null;
	}
}
