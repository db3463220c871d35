import type { Connector } from '$lib/db/connector';
import {
	dashboardQuery,
	splitDashboard,
	withHeadline,
	type DashboardData
} from '$lib/query/dashboard';
import type { AggregateSpec } from '$lib/query/aggregates';
import type { Filters } from '$lib/query/filters';
import type { DateRange } from '$lib/query/periods';
import type { FactsSession } from './facts-session';
import { LatestLoad } from './latest.svelte';

/** Period A against period B: the whole dashboard once per period. */
export interface Comparison {
	a: DashboardData;
	b: DashboardData;
}

/**
 * The A/B comparison's figures: every aggregate under the current filters
 * with the date range replaced by A, then by B (two single passes on the
 * analysis session). Latest request wins; errors land in `error`.
 */
export class CompareState extends LatestLoad {
	result = $state.raw<Comparison | null>(null);
	#session: FactsSession;
	#specs: readonly AggregateSpec[];

	/** `specs`: the aggregates to compute (the dashboard's panels). */
	constructor(session: FactsSession, specs: readonly AggregateSpec[]) {
		super();
		this.#session = session;
		this.#specs = specs;
	}

	load(filters: Filters, a: DateRange, b: DateRange, version: number): Promise<void> {
		const pass = (r: DateRange) => ({ ...filters, from: r.from, to: r.to });
		const run = async (c: Connector, r: DateRange) =>
			splitDashboard(
				await c.query(dashboardQuery(pass(r), this.#specs)),
				withHeadline(this.#specs)
			);
		return this.latest(
			() =>
				this.#session.run(version, async (c) => ({
					a: await run(c, a),
					b: await run(c, b)
				})),
			(result) => (this.result = result)
		);
	}
}
