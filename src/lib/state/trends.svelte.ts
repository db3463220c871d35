import type { Filters } from '$lib/query/filters';
import { emergingQuery, type EmergingRow } from '$lib/query/emerging';
import {
	latestComplete,
	periodStart,
	trendWindow,
	type PeriodKind,
	type TrendWindow
} from '$lib/query/periods';
import { TREND_RULES } from '$lib/query/trend-rules';
import {
	coveredPeriods,
	splitTrends,
	trendExtentQuery,
	trendQuery,
	type TrendDimension,
	type TrendRow
} from '$lib/query/trends';
import type { FactsSession } from './facts-session';
import { LatestLoad } from './latest.svelte';

/** Trend results kept for a return to an earlier selection. */
const CACHE_SIZE = 16;

export interface TrendResult {
	/** null when nothing matches the filters (no period to compare). */
	window: TrendWindow | null;
	/** The reference was picked by the user (true) or is the data's latest complete period. */
	picked: boolean;
	/** The newest matching event, and the first event of the dataset. */
	newest: string | null;
	first: string | null;
	/** Baseline periods covered by data (0 … TREND_RULES.baselinePeriods). */
	covered: number;
	rows: Record<TrendDimension, TrendRow[]>;
	/** Actors and places first seen in the reference period. */
	emerging: EmergingRow[];
}

export interface TrendOptions {
	kind: PeriodKind;
	/** A date inside the reference period; undefined = latest complete period at or before the newest event. */
	ref?: string;
}

/**
 * The "What changed" panel's data: the reference period (from the data or
 * the user's pick), the counts per dimension classified into levels, and the
 * emerging actors and places. Latest request wins; errors land in `error`.
 */
export class TrendsState extends LatestLoad {
	result = $state.raw<TrendResult | null>(null);
	#session: FactsSession;
	/**
	 * Results by filters, options and data version (newest last, at most
	 * CACHE_SIZE): going back to a selection (a filter toggled off) costs no
	 * query. Plain bookkeeping, not reactive state.
	 */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#cache = new Map<string, TrendResult>();

	constructor(session: FactsSession) {
		super();
		this.#session = session;
	}

	load(filters: Filters, options: TrendOptions, version: number): Promise<void> {
		const key = JSON.stringify([filters, options, version]);
		const hit = this.#cache.get(key);
		return this.latest(
			async () => {
				if (hit) return hit;
				const result = await this.#compute(filters, options, version);
				this.#cache.set(key, result);
				while (this.#cache.size > CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
				return result;
			},
			(result) => (this.result = result)
		);
	}

	#compute(filters: Filters, options: TrendOptions, version: number): Promise<TrendResult> {
		return this.#session.run(version, async (c) => {
			const [extent] = await c.query<{ newest: string | null; first: string | null }>(
				trendExtentQuery(filters)
			);
			const { newest = null, first = null } = extent ?? {};
			const anchor = options.ref
				? periodStart(options.ref, options.kind)
				: newest && latestComplete(newest, options.kind);
			if (!anchor)
				return {
					window: null,
					picked: false,
					newest,
					first,
					covered: 0,
					rows: splitTrends([], 0),
					emerging: []
				};
			const w = trendWindow(
				anchor,
				options.kind,
				TREND_RULES.baselinePeriods,
				TREND_RULES.newWeeks
			);
			const covered = coveredPeriods(w, first);
			const rows = splitTrends(await c.query(trendQuery(filters, w)), covered);
			const emerging = await c.query<EmergingRow>(emergingQuery(filters, w.now));
			return { window: w, picked: !!options.ref, newest, first, covered, rows, emerging };
		});
	}
}
