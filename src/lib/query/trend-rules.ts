/**
 * The trend levels of the "What changed" panel: the ONE place their
 * thresholds are written. The panel's help reads these numbers, so the text
 * and the rule cannot drift apart. The rules follow the shape of ACLED's
 * Trendfinder (this period against the average of the previous four; "new"
 * when nothing happened in the past year), with thresholds of our own.
 */
export const TREND_RULES = {
	/** The baseline is the average of this many periods just before the reference period. */
	baselinePeriods: 4,
	/** "new": at least one event now and none in this many weeks before the period. */
	newWeeks: 52,
	/** "sharp increase": now ≥ sharpFactor × baseline … */
	sharpFactor: 2,
	/** … and now ≥ sharpMinEvents. */
	sharpMinEvents: 3,
	/** "steady": now within ± this share of the baseline; beyond it, "increase" or "decrease". */
	steadyShare: 0.2
} as const;

export type TrendLevel = 'new' | 'sharp' | 'increase' | 'steady' | 'decrease' | 'no-baseline';

/** Display and sort order: what most needs a reader's eye first. */
export const TREND_LEVELS: readonly TrendLevel[] = [
	'new',
	'sharp',
	'increase',
	'decrease',
	'steady',
	'no-baseline'
];

export interface TrendCounts {
	/** Events in the reference period. */
	now: number;
	/** Events in all baseline periods together. */
	baseTotal: number;
	/** Events in the `newWeeks` weeks before the reference period. */
	year: number;
	/**
	 * Baseline periods the data covers (ending on or after the first event of
	 * the whole dataset), 0…baselinePeriods. Periods before the data began are
	 * unknown, not zero, so they are left out of the average.
	 */
	covered: number;
}

export interface TrendFigures {
	/** Average events per covered baseline period; null when no baseline period is covered. */
	baseline: number | null;
	/** now − baseline; null without a baseline. */
	change: number | null;
	level: TrendLevel;
}

/** Classify one row. Pure: the unit tests drive it with constructed series. */
export function trendLevel(c: TrendCounts, rules = TREND_RULES): TrendFigures {
	if (c.covered <= 0) return { baseline: null, change: null, level: 'no-baseline' };
	const baseline = c.baseTotal / c.covered;
	const change = c.now - baseline;
	let level: TrendLevel;
	if (c.now > 0 && c.year === 0) level = 'new';
	else if (c.now >= rules.sharpMinEvents && c.now >= rules.sharpFactor * baseline) level = 'sharp';
	else if (Math.abs(change) <= rules.steadyShare * baseline) level = 'steady';
	else level = change > 0 ? 'increase' : 'decrease';
	return { baseline, change, level };
}
