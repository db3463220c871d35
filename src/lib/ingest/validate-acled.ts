/**
 * Row rules for incidents imported from an ACLED export, from ACLED's own
 * codebook: event/sub-event type pairs, inter codes (0–8 or the 2024 text),
 * and an interaction that agrees with them. Cell types and ranges (time and geo
 * precision 1–3, coordinates in range, fatalities a whole number ≥ 0) and the
 * columns every ACLED row fills (`acledRequired`) are checked by the cell pass
 * of validate.ts. Raqib's own coding rules (evidence, target, weapon…) do not
 * apply: those fields are NULL on imported rows ("not coded").
 */
import { interCode } from '../schema/acled';
import { isSubEventOf } from '../schema/vocab';
import type { RowView } from './context';
import type { IssueSink } from './issues';

export function checkAcledRow(r: RowView, out: IssueSink): void {
	const et = r.get('event_type');
	const st = r.get('sub_event_type');
	if (et !== '' && st !== '' && !isSubEventOf(et, st))
		out.add(r.line, 'sub_event_type', st, 'acled-sub-event-pair', { event_type: et });
	for (const c of ['inter1', 'inter2']) {
		const v = r.get(c);
		if (v !== '' && interCode(v) === null)
			out.add(r.line, c, v, 'acled-inter-code', { min: 0, max: 8 });
	}
	if (r.get('actor2') !== '' && r.get('inter2') !== '' && interCode(r.get('inter2')) === 0)
		out.add(r.line, 'inter2', r.get('inter2'), 'inter2-zero', { other: 'actor2' });
	const year = r.get('year');
	const date = r.get('event_date');
	if (year !== '' && /^\d{4}-/.test(date) && year !== date.slice(0, 4))
		out.add(r.line, 'year', year, 'acled-year-mismatch', { other: 'event_date', date });
}
