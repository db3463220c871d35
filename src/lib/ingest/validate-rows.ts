/** Row rules of the companion tables: places, actors, targets, reports. */
import { PLACE_ID_PATTERN } from '../schema/vocab';
import { withinSyria } from '../schema/geo';
import type { RowView, TableKind, ValidationContext } from './context';
import type { IssueSink } from './issues';

/** Rough bounding box of Syria; coordinates outside it draw a warning. */
export { SYRIA_BOUNDS } from '../schema/geo';

type RowCheck = (r: RowView, out: IssueSink, ctx: ValidationContext) => void;

const placeRow: RowCheck = (r, out) => {
	const id = r.get('place_id');
	// Required of every place Raqib codes; only places an import creates (in the database) lack it.
	if (r.get('name_ar') === '') out.add(r.line, 'name_ar', '', 'required');
	if (id !== '' && !PLACE_ID_PATTERN.test(id))
		out.add(r.line, 'place_id', id, 'place-id-slug', { example: 'al-omar-oil-field' });
	const lat = Number(r.get('latitude'));
	const lon = Number(r.get('longitude'));
	if (r.get('latitude') === '' || r.get('longitude') === '' || !isFinite(lat + lon)) return;
	if (!withinSyria(lat, lon)) out.warn(r.line, 'latitude', `${lat},${lon}`, 'outside-syria');
};

const targetRow: RowCheck = (r, out, ctx) => {
	const place = r.get('place_id');
	const operator = r.get('operator');
	if (place !== '' && ctx.known?.places && !ctx.known.places.has(place))
		out.add(r.line, 'place_id', place, 'not-in-table', { table: 'places.csv' });
	if (operator !== '' && ctx.known?.actors && !ctx.known.actors.has(operator))
		out.add(r.line, 'operator', operator, 'not-in-table', { table: 'actors.csv' });
};

const reportRow: RowCheck = (r, out) => {
	const id = r.get('report_id');
	const file = r.get('file');
	if (id !== '' && file !== '' && file !== `${id}.txt`)
		out.add(r.line, 'file', file, 'report-file-name', { expected: `${id}.txt` });
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
