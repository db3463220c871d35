import { dashboardQuery, splitDashboard, type DashboardData } from '$lib/query/dashboard';
import type { Filters } from '$lib/query/filters';
import { sourcesQuery, type SourceRow } from '$lib/query/sources';
import type { FactsSession } from './facts-session';

/**
 * The printable brief's figures for one filter state: every dashboard
 * aggregate and the cited reports (outlet, date). The "What changed" part
 * comes from a TrendsState on the same session. Latest request wins.
 */
export class BriefState {
	status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
	error = $state<string | null>(null);
	data = $state.raw<DashboardData | null>(null);
	sources = $state.raw<SourceRow[]>([]);
	#session: FactsSession;
	#seq = 0;

	constructor(session: FactsSession) {
		this.#session = session;
	}

	async load(filters: Filters, version: number): Promise<void> {
		const seq = ++this.#seq;
		this.status = 'loading';
		try {
			const [data, sources] = await this.#session.run(
				version,
				async (c) =>
					[
						splitDashboard(await c.query(dashboardQuery(filters))),
						await c.query<SourceRow>(sourcesQuery(filters))
					] as const
			);
			if (seq !== this.#seq) return;
			this.data = data;
			this.sources = sources;
			this.error = null;
			this.status = 'ready';
		} catch (e) {
			if (seq !== this.#seq) return;
			this.error = e instanceof Error ? e.message : String(e);
			this.status = 'error';
		}
	}
}
