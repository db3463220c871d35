/**
 * ACLED's monadic export writes one row per actor: an event with two actors
 * is two rows under the same event_id_cnty, each with its own actor1,
 * assoc_actor_1 and inter1, and no actor2 columns. Folding puts the second
 * row's actor into actor2 / assoc_actor_2 / inter2 of the first, so the table
 * holds one row per event as in the dyadic export.
 *
 * The rows of one event must be next to each other (as ACLED writes them) and
 * agree on everything but the actor; anything else is reported by row and
 * column, never merged on a guess. Streaming: one pending row at a time.
 */
import type { Issue } from './types';

/** A table-order record and its spreadsheet row. */
export interface Placed {
	record: string[];
	row: number;
	/** Further rows folded into this record (a monadic event's second row). */
	also?: number[];
}

const ACTOR_COLUMNS = ['actor1', 'assoc_actor_1', 'inter1'] as const;
const SECOND = { actor1: 'actor2', assoc_actor_1: 'assoc_actor_2', inter1: 'inter2' } as const;
/** Columns that may differ between the rows of one event (the actor's own, and what is filled from them). */
const OWN = new Set<string>([...ACTOR_COLUMNS, ...Object.values(SECOND), 'interaction']);

export class MonadicFold {
	#pending: (Placed & { rows: number }) | null = null;
	/** event id → row of its first row, once written out: a later repeat is not next to it. */
	#written = new Map<string, number>();
	#id: number;
	#compare: number[];
	#pairs: [number, number][];
	/** Events made of two rows. */
	folded = 0;

	constructor(
		private readonly columns: readonly string[],
		private readonly file: string,
		private readonly report: (issue: Issue) => void,
		/** A row left out because it cannot be folded (its raw cells are the caller's to keep). */
		private readonly reject: (row: number) => void
	) {
		this.#id = columns.indexOf('event_id_cnty');
		this.#compare = columns.map((c, i) => (OWN.has(c) ? -1 : i)).filter((i) => i >= 0);
		this.#pairs = ACTOR_COLUMNS.map((c) => [columns.indexOf(c), columns.indexOf(SECOND[c])]);
	}

	/** Take the next row; returns the rows now complete. */
	push(next: Placed): Placed[] {
		const id = next.record[this.#id]!;
		const p = this.#pending;
		if (p && id !== '' && p.record[this.#id] === id) {
			this.#fold(p, next);
			return [];
		}
		const before = this.#written.get(id);
		if (id !== '' && before !== undefined) {
			this.#problem(
				next.row,
				'event_id_cnty',
				id,
				`repeats the event of row ${before}, not next to it: sort the file by event_id_cnty`
			);
			return this.#done(p, null);
		}
		return this.#done(p, next);
	}

	/** The last pending row, at the end of the file. */
	flush(): Placed[] {
		return this.#done(this.#pending, null);
	}

	#done(p: (Placed & { rows: number }) | null, next: Placed | null): Placed[] {
		this.#pending = next ? { ...next, rows: 1 } : null;
		if (!p) return [];
		this.#written.set(p.record[this.#id]!, p.row);
		return [{ record: p.record, row: p.row, ...(p.also ? { also: p.also } : {}) }];
	}

	#fold(p: Placed & { rows: number }, next: Placed): void {
		if (p.rows >= 2)
			return this.#problem(
				next.row,
				'event_id_cnty',
				next.record[this.#id]!,
				`is a third row of the event of row ${p.row}: a monadic export has one row per actor, two at most`
			);
		for (const i of this.#compare)
			if (p.record[i] !== next.record[i])
				return this.#problem(
					next.row,
					this.columns[i]!,
					next.record[i]!,
					`differs from row ${p.row} of the same event ("${p.record[i]}"), so the two rows cannot be one event`
				);
		for (const [from, to] of this.#pairs) if (to >= 0) p.record[to] = next.record[from]!;
		p.rows++;
		p.also = [next.row];
		this.folded++;
	}

	#problem(row: number, column: string, value: string, problem: string): void {
		this.report({ file: this.file, row, column, value, problem, severity: 'error' });
		this.reject(row);
	}
}
