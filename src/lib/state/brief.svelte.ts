import {
	dashboardQuery,
	splitDashboard,
	withHeadline,
	type DashboardData
} from '$lib/query/dashboard';
import type { AggregateSpec } from '$lib/query/aggregates';
import type { Filters } from '$lib/query/filters';
import { filterOptions, splitOptions, type FilterOptions } from '$lib/query/options';
import { sourcesQuery, type SourceRow } from '$lib/query/sources';
import type { FactsSession } from './facts-session';
import { LatestLoad } from './latest.svelte';

/**
 * The printable brief's figures for one filter state: every dashboard
 * aggregate, the cited reports (outlet, date) and the filter values' names
 * (for names in the page's language, Arabic included). The "What changed" part
 * comes from a TrendsState on the same session. Latest request wins.
 */
export class BriefState extends LatestLoad {
	data = $state.raw<DashboardData | null>(null);
	sources = $state.raw<SourceRow[]>([]);
	options = $state.raw<FilterOptions | null>(null);
	#session: FactsSession;
	#specs: readonly AggregateSpec[];

	/** `specs`: the aggregates to compute (the dashboard's panels). */
	constructor(session: FactsSession, specs: readonly AggregateSpec[]) {
		super();
		this.#session = session;
		this.#specs = specs;
	}

	load(filters: Filters, version: number): Promise<void> {
		return this.latest(
			() =>
				this.#session.run(
					version,
					async (c) =>
						[
							splitDashboard(
								await c.query(dashboardQuery(filters, this.#specs)),
								withHeadline(this.#specs)
							),
							await c.query<SourceRow>(sourcesQuery(filters)),
							splitOptions(await c.query(filterOptions()))
						] as const
				),
			([data, sources, options]) => {
				this.data = data;
				this.sources = sources;
				this.options = options;
			}
		);
	}
}
