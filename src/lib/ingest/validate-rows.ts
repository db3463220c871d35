/** Row rules of the companion tables: places, actors, targets, reports. */
import { PLACE_ID_PATTERN } from '../schema/vocab';
import type { RowView, TableKind, ValidationContext } from './context';
import type { IssueSink } from './issues';

/** Rough bounding box of Syria; coordinates outside it draw a warning. */
export const SYRIA_BOUNDS = { minLat: 32.3, maxLat: 37.4, minLon: 35.7, maxLon: 42.4 } as const;

type RowCheck = (r: RowView, out: IssueSink, ctx: ValidationContext) => void;

const placeRow: RowCheck = (r, out) => {
	const id = r.get('place_id');
	if (id !== '' && !PLACE_ID_PATTERN.test(id))
		out.add(r.line, 'place_id', id, 'must be a lowercase slug like al-omar-oil-field');
	const lat = Number(r.get('latitude'));
	const lon = Number(r.get('longitude'));
	if (r.get('latitude') === '' || r.get('longitude') === '' || !isFinite(lat + lon)) return;
	const b = SYRIA_BOUNDS;
	if (lat < b.minLat || lat > b.maxLat || lon < b.minLon || lon > b.maxLon)
		out.warn(r.line, 'latitude', `${lat},${lon}`, 'lies outside Syria');
};

const targetRow: RowCheck = (r, out, ctx) => {
	const place = r.get('place_id');
	const operator = r.get('operator');
	if (place !== '' && ctx.known?.places && !ctx.known.places.has(place))
		out.add(r.line, 'place_id', place, 'is not in places.csv');
	if (operator !== '' && ctx.known?.actors && !ctx.known.actors.has(operator))
		out.add(r.line, 'operator', operator, 'is not in actors.csv');
};

const reportRow: RowCheck = (r, out) => {
	const id = r.get('report_id');
	const file = r.get('file');
	if (id !== '' && file !== '' && file !== `${id}.txt`)
		out.add(r.line, 'file', file, `must be the report file name, ${id}.txt`);
};

const ROW_CHECKS: Partial<Record<TableKind, RowCheck>> = {
	places: placeRow,
	targets: targetRow,
	reports: reportRow
};

/** The table-specific row rules for a companion table (none for actors beyond the cells). */
export function checkCompanionRow(
	kind: TableKind,
	r: RowView,
	out: IssueSink,
	ctx: ValidationContext
) {
	ROW_CHECKS[kind]?.(r, out, ctx);
}
