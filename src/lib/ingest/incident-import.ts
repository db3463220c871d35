/**
 * What an incidents upload does to each record between parsing and
 * validation, by origin: derived cells filled (./derive.ts), event_date read
 * in any ACLED date style and stored as ISO (./event-dates.ts), and for an
 * ACLED export its dataset named after the file, its locations turned into
 * places (./import-places.ts) and, for the monadic layout, its rows folded
 * into events (./monadic.ts). Each step is reported on the card (`notes`).
 */
import { ACLED_SIGNATURE } from '$lib/schema/acled';
import { derivedColumns, fillDerived, type DerivedColumns } from './derive';
import { DateColumn } from './event-dates';
import { normalise } from './headers';
import { ImportPlaces } from './import-places';
import { MonadicFold, type Placed } from './monadic';
import type { AcledLayout, Issue, Note, Origin, ParseOptions, ParseSummary } from './types';

/** Raqib-only columns a file carries only when it is Raqib's own coding. */
const RAQIB_ONLY = ['evidence', 'source_ids'];

/** The ACLED layout of a header (normalised names), or null when it is not an ACLED export. */
export function acledLayout(header: readonly string[]): AcledLayout | null {
	const names = new Set(header.map(normalise));
	if (!ACLED_SIGNATURE.every((c) => names.has(c))) return null;
	if (RAQIB_ONLY.some((c) => names.has(c))) return null;
	if (!names.has('actor2') && !names.has('inter2')) return 'monadic';
	return names.has('disorder_type') || !names.has('data_id') ? '2024' : 'classic';
}

/** The dataset name of an import: its file name without the extension. */
export function datasetOf(fileName: string): string {
	return fileName.replace(/\.(csv|tsv|txt)$/i, '').trim() || fileName;
}

export class IncidentImport {
	readonly origin: Origin;
	readonly layout: AcledLayout | null;
	readonly dataset: string;
	readonly dates: DateColumn;
	readonly places: ImportPlaces | null;
	readonly fold: MonadicFold | null;
	#derived: DerivedColumns;
	#date: number;

	constructor(
		file: string,
		header: readonly string[],
		columns: readonly string[],
		options: ParseOptions,
		report: (issue: Issue) => void,
		reject: (row: number) => void
	) {
		this.layout = acledLayout(header);
		this.origin = this.layout ? 'acled' : 'raqib';
		this.dataset = this.layout ? datasetOf(file) : '';
		this.#derived = derivedColumns(columns);
		this.#date = columns.indexOf('event_date');
		const year = Number((options.today ?? '').slice(0, 4)) || new Date().getFullYear();
		this.dates = new DateColumn(options.dateOrder, year);
		this.places = this.layout
			? new ImportPlaces(columns, options.known, options.rejectPlaces)
			: null;
		this.fold = this.layout === 'monadic' ? new MonadicFold(columns, file, report, reject) : null;
	}

	/** Fill and convert one record in place (table column order). */
	prepare(record: string[], row: number): void {
		if (this.#date >= 0) record[this.#date] = this.dates.read(record[this.#date]!, row);
		fillDerived(record, this.#derived, this.dataset || undefined);
		this.places?.resolve(record, row);
	}

	/** Rows complete after this one (monadic rows wait for their event's second row). */
	order(p: Placed): Placed[] {
		return this.fold ? this.fold.push(p) : [p];
	}

	flush(): Placed[] {
		return this.fold?.flush() ?? [];
	}

	/** What the card says about how the rows were read. */
	notes(rows: number): Note[] {
		const notes: Note[] = [];
		if (this.layout) notes.push({ key: 'acled', layout: this.layout, dataset: this.dataset });
		if (this.fold?.folded)
			notes.push({ key: 'monadic', events: rows, rows: rows + this.fold.folded });
		const d = this.dates;
		if (d.example) {
			const decision = d.tally.decision();
			notes.push({
				key: 'dates',
				styles: Object.fromEntries(Object.entries(d.styles).filter(([, n]) => n > 0)),
				example: d.example,
				...(d.styles.numeric && d.order ? { order: d.order } : {}),
				...(decision === 'dmy' ? { proof: d.tally.dayFirstRow! } : {}),
				...(decision === 'mdy' ? { proof: d.tally.monthFirstRow! } : {})
			});
		}
		return notes;
	}

	/** The day/month order the whole column settles, when none was given and numeric dates wait for it. */
	found(): 'dmy' | 'mdy' | undefined {
		const decision = this.dates.tally.decision();
		if (this.dates.order || (decision !== 'dmy' && decision !== 'mdy')) return undefined;
		return decision;
	}

	/** Numeric dates the file leaves undecided or contradicts, when no order was given. */
	question(): ParseSummary['dateQuestion'] {
		const t = this.dates.tally;
		const decision = t.decision();
		if (decision !== 'ask' && decision !== 'conflict') return undefined;
		if (decision === 'ask' && this.dates.order) return undefined;
		return {
			decision,
			count: t.numeric,
			example: this.dates.firstNumeric ?? '',
			...(t.dayFirstRow !== null ? { dayFirst: t.dayFirstRow } : {}),
			...(t.monthFirstRow !== null ? { monthFirst: t.monthFirstRow } : {})
		};
	}
}
