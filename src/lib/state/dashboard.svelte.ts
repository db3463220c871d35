import type { Connector } from '$lib/db/connector';
import { dashboardQuery, splitDashboard, type DashboardData } from '$lib/query/dashboard';
import { buildFacts } from '$lib/query/facts';
import { buildCube, cubeQuery, withoutDimension } from '$lib/query/cube';
import { DIMENSIONS, filtersToSearch, type Dimension, type Filters } from '$lib/query/filters';
import {
	incidentDetail,
	incidentPage,
	type IncidentDetail,
	type IncidentRow,
	type ListOptions
} from '$lib/query/incidents';
import { filterOptions, splitOptions, type FilterOptions } from '$lib/query/options';
import { boot } from './engine.svelte';

export type LoadStatus = 'loading' | 'ready' | 'error';

/**
 * The dashboard's data, queried on its own connection so that cancelling a
 * stale query never touches the SQL console's. Queries on one connection run
 * one at a time (a second one would cut the first one's result stream), so
 * they go through a queue; a newer filter state cancels the running query and
 * skips any queued one, and results of stale requests are dropped.
 */
class DashboardState {
	status = $state<LoadStatus>('loading');
	error = $state<string | null>(null);
	data = $state.raw<DashboardData | null>(null);
	options = $state.raw<FilterOptions | null>(null);
	listStatus = $state<LoadStatus>('loading');
	list = $state.raw<IncidentRow[]>([]);
	/** Milliseconds the last aggregate pass took, from request to result (shown for transparency). */
	lastMs = $state<number | null>(null);
	/** The dimension whose cube answered the last request, or null for a scan. */
	lastCube = $state<Dimension | null>(null);
}

export const dashboard = new DashboardState();

let conn: Promise<Connector> | null = null;
let queue: Promise<unknown> = Promise.resolve();
let factsVersion = -1;
let aggSeq = 0;
let listSeq = 0;
let runningKind: 'agg' | 'list' | 'cube' | null = null;
/** The latest incident-list request, which a filter change queues right behind its aggregates. */
let listPending: Promise<unknown> = Promise.resolve();

/** The cube on the connection: its dimension, the other filters it was built under, the data version. */
let cube: { dim: Dimension; base: string; version: number } | null = null;
let lastFilters: Filters | null = null;
let cubeSeq = 0;

/** The one dimension in which two filter states differ, if that is the only difference. */
function changedDimension(a: Filters, b: Filters): Dimension | null {
	const changed = DIMENSIONS.filter((d) => a[d] !== b[d]);
	if (changed.length !== 1) return null;
	const d = changed[0]!;
	return filtersToSearch(withoutDimension(a, d)) === filtersToSearch(withoutDimension(b, d))
		? d
		: null;
}

/** Can the current cube answer these filters? */
function cubeAnswers(filters: Filters, version: number): Dimension | null {
	if (!cube || cube.version !== version) return null;
	return filtersToSearch(withoutDimension(filters, cube.dim)) === cube.base ? cube.dim : null;
}

function connection(): Promise<Connector> {
	conn ??= boot().then(async () => (await import('$lib/db')).openConnector());
	conn.catch(() => (conn = null));
	return conn;
}

const STALE = Symbol('stale');

function enqueue<T>(
	kind: 'agg' | 'list' | 'cube',
	isStale: () => boolean,
	task: (c: Connector) => Promise<T>
) {
	const run = async (): Promise<T | typeof STALE> => {
		if (isStale()) return STALE;
		const c = await connection();
		runningKind = kind;
		try {
			return await task(c);
		} finally {
			runningKind = null;
		}
	};
	const p = queue.then(run, run);
	queue = p.catch(() => {});
	return p;
}

/** Rebuild the facts table (and the filter options) when the loaded tables changed. */
async function ensureFacts(c: Connector, version: number): Promise<void> {
	if (factsVersion === version) return;
	cube = null;
	await c.exec(buildFacts());
	factsVersion = version;
	dashboard.options = splitOptions(await c.query(filterOptions()));
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Query every aggregate for these filters in one pass; newer calls supersede older ones. */
export async function loadAggregates(filters: Filters, version: number): Promise<void> {
	const seq = ++aggSeq;
	const started = performance.now();
	// A running scan for stale filters is cancelled; a cube build is left to finish (it pays off next).
	if (runningKind === 'agg') void (await connection()).cancel();
	dashboard.status = dashboard.data ? dashboard.status : 'loading';
	try {
		const rows = await enqueue(
			'agg',
			() => seq !== aggSeq,
			async (c) => {
				await ensureFacts(c, version);
				const dim = cubeAnswers(filters, version);
				dashboard.lastCube = dim;
				return c.query(dim ? cubeQuery(dim, filters[dim]) : dashboardQuery(filters));
			}
		);
		if (rows === STALE || seq !== aggSeq) return;
		const ms = performance.now() - started;
		// Show the charts together with the list the same change asked for: one render and one
		// paint instead of two, and never charts of one filter state above a list of another.
		await listPending.catch(() => {});
		if (seq !== aggSeq) return;
		// A change in one dimension suggests more changes there: index it for the next ones.
		const previous = lastFilters;
		lastFilters = filters;
		const dim = previous ? changedDimension(previous, filters) : null;
		if (dim) void prepareCube(dim, filters, version);
		dashboard.data = splitDashboard(rows);
		dashboard.lastMs = ms;
		dashboard.status = 'ready';
		dashboard.error = null;
	} catch (e) {
		if (seq !== aggSeq) return; // a cancelled stale query
		dashboard.error = message(e);
		dashboard.status = 'error';
	}
}

/**
 * Build the cube for one dimension under the other current filters (when the
 * pointer enters that dimension's chart, or after a change in it), so that the
 * next changes of that dimension are answered without a scan. Runs behind any
 * queued query and is skipped when a newer request is waiting.
 */
export async function prepareCube(
	dim: Dimension,
	filters: Filters,
	version: number
): Promise<void> {
	const base = filtersToSearch(withoutDimension(filters, dim));
	if (cube && cube.dim === dim && cube.base === base && cube.version === version) return;
	const seq = ++cubeSeq;
	try {
		await enqueue(
			'cube',
			() => seq !== cubeSeq,
			async (c) => {
				await ensureFacts(c, version);
				cube = null;
				const q = buildCube(dim, filters);
				await c.query(q);
				cube = { dim, base, version };
			}
		);
	} catch {
		// Only an optimisation: the page still answers by scanning.
		cube = null;
	}
}

/** One page of the incident list. */
export async function loadList(
	filters: Filters,
	options: ListOptions,
	version: number
): Promise<void> {
	const seq = ++listSeq;
	dashboard.listStatus = 'loading';
	try {
		const pending = enqueue(
			'list',
			() => seq !== listSeq,
			async (c) => {
				await ensureFacts(c, version);
				return c.query<IncidentRow>(incidentPage(filters, options));
			}
		);
		listPending = pending;
		const rows = await pending;
		if (rows === STALE || seq !== listSeq) return;
		dashboard.list = rows;
		dashboard.listStatus = 'ready';
	} catch (e) {
		if (seq !== listSeq) return;
		dashboard.error = message(e);
		dashboard.listStatus = 'error';
	}
}

/** The expanded row's details (evidence, reports, place). */
export async function loadDetail(id: string): Promise<IncidentDetail | null> {
	const rows = await enqueue(
		'list',
		() => false,
		(c) => c.query<IncidentDetail>(incidentDetail(id))
	);
	return rows === STALE ? null : (rows[0] ?? null);
}
