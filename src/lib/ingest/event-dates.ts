/**
 * The event_date column of an incidents upload, read in any format ACLED
 * exports arrive in (./acled-dates.ts) and stored as ISO, so DuckDB casts it
 * to DATE without guessing. Day/month order of numeric dates is the whole
 * column's decision: the pipeline reads the file once to settle it and again
 * with the order (./pipeline.ts), or asks the user when nothing settles it.
 * The card says how the dates were written and read (a Note), so nothing
 * changes without the user being told.
 */
import { DateOrderTally, numericIso, readDate, type DateOrder } from './acled-dates';

/** How the dates of a column were written, for the card. */
export type DateStyle = 'iso' | 'long' | 'short' | 'numeric' | 'other';

export class DateColumn {
	readonly tally = new DateOrderTally();
	/** Rows whose numeric date waited for an order that was not given. */
	unsettled = 0;
	/** Cells written each way. */
	readonly styles: Record<DateStyle, number> = {
		iso: 0,
		long: 0,
		short: 0,
		numeric: 0,
		other: 0
	};
	/** First cell written other than ISO, and its row: the example on the card. */
	example: { value: string; iso: string; row: number } | null = null;

	/** The first numeric date cell (5/9/2020), for the question when the column does not settle its order. */
	firstNumeric: string | null = null;

	constructor(
		readonly order: DateOrder | undefined,
		private readonly thisYear: number
	) {}

	/**
	 * The ISO form of one cell, or the cell as written when it is not a date
	 * (the validator then names it) or a numeric date awaits the column's order.
	 */
	read(cell: string, row: number): string {
		if (cell === '') return cell;
		const r = readDate(cell, this.thisYear);
		this.tally.add(r, row);
		if (r.kind === 'bad') return cell;
		let iso: string | null;
		if (r.kind === 'numeric') this.firstNumeric ??= cell;
		if (r.kind === 'date') iso = r.iso;
		else if (!this.order) {
			this.unsettled++;
			return cell;
		} else iso = numericIso(r, this.order);
		if (iso === null) return cell;
		const style = iso === cell ? 'iso' : styleOf(cell, r.kind);
		this.styles[style]++;
		if (style !== 'iso') this.example ??= { value: cell, iso, row };
		return iso;
	}
}

/** How a cell that is not already ISO was written: `21 March 2020`, `9-May-20`, `5/9/2020`, or otherwise (Arabic-Indic digits, no zero padding, spaces around). */
function styleOf(cell: string, kind: 'date' | 'numeric'): DateStyle {
	if (kind === 'numeric') return 'numeric';
	if (/^\d{1,2} [A-Za-z]+ \d{4}$/.test(cell)) return 'long';
	if (/^\d{1,2}-[A-Za-z]{3,9}-\d{2}$/.test(cell)) return 'short';
	return 'other';
}
