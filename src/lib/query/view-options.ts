/**
 * The dashboard's URL state beyond the filters: the "What changed" period
 * kind and reference, and the A/B period comparison. Kept in the URL (so a
 * link or a saved view restores them) next to the filters' own keys:
 *   period=month   ref=2023-11-06   a=2023-10-01..2023-10-31   b=2023-11-01..2023-11-30
 * Malformed values are ignored, as the filters' are.
 */
import { isIsoDate, type DateRange, type PeriodKind } from './periods';

export interface ViewOptions {
	/** The trend period; absent = week. */
	period?: PeriodKind;
	/** A date inside the reference period; absent = the latest complete period of the data. */
	ref?: string;
	/** The two compared ranges; the comparison is on when both are set. */
	a?: DateRange;
	b?: DateRange;
}

const OPTION_KEYS = ['period', 'ref', 'a', 'b'] as const;

/** 'YYYY-MM-DD..YYYY-MM-DD' as a range; undefined when malformed or reversed. */
export function parseRange(text: string | null): DateRange | undefined {
	const m = text?.match(/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/);
	if (!m || !isIsoDate(m[1]!) || !isIsoDate(m[2]!) || m[1]! > m[2]!) return undefined;
	return { from: m[1]!, to: m[2]! };
}

export const rangeText = (r: DateRange): string => `${r.from}..${r.to}`;

export function parseViewOptions(search: URLSearchParams): ViewOptions {
	const o: ViewOptions = {};
	if (search.get('period') === 'month') o.period = 'month';
	const ref = search.get('ref');
	if (ref && isIsoDate(ref)) o.ref = ref;
	const [a, b] = [parseRange(search.get('a')), parseRange(search.get('b'))];
	if (a && b) Object.assign(o, { a, b });
	return o;
}

/** `search` (a filters query string, '' or '?…') with the options appended in a stable order. */
export function withViewOptions(search: string, o: ViewOptions): string {
	const s = new URLSearchParams(search);
	for (const k of OPTION_KEYS) s.delete(k);
	if (o.period === 'month') s.set('period', 'month');
	if (o.ref) s.set('ref', o.ref);
	if (o.a && o.b) {
		s.set('a', rangeText(o.a));
		s.set('b', rangeText(o.b));
	}
	const text = s.toString();
	return text ? `?${text}` : '';
}
