import { dashboardQuery, splitDashboard, type DashboardData } from '$lib/query/dashboard';
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

	constructor(session: FactsSession) {
		super();
		this.#session = session;
	}

	load(filters: Filters, a: DateRange, b: DateRange, version: number): Promise<void> {
		const pass = (r: DateRange) => ({ ...filters, from: r.from, to: r.to });
		return this.latest(
			() =>
				this.#session.run(version, async (c) => ({
					a: splitDashboard(await c.query(dashboardQuery(pass(a)))),
					b: splitDashboard(await c.query(dashboardQuery(pass(b))))
				})),
			(result) => (this.result = result)
		);
	}
}
