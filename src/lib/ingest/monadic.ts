/**
 * ACLED's monadic export writes one row per actor: an event with two actors
 * is two rows under the same event_id_cnty, each with its own actor1,
 * assoc_actor_1 and inter1, and no actor2 columns. Folding puts the second
 * row's actor into actor2 / assoc_actor_2 / inter2 of the first, so the table
 * holds one row per event as in the dyadic export.
 *
 * The rows of one event may be anywhere in the file; they must agree on
 * everything but the actor, and there are two at most. Anything else is
 * reported by row and column, never merged on a guess. A row waits for its
 * pair until the end of the file, so a monadic file's single-actor events are
 * held in memory until then (folded pairs are written as soon as complete).
 */
import type { Issue } from './types';
import type { ProblemCode, ProblemParams } from './issues';

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
	/** Rows whose event has not had its second row yet, by event id, in file order. */
	#pending = new Map<string, Placed>();
	/** event id → row of its first row, once folded and written out: a third row is an error. */
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

	/**
	 * Take the next row; returns the rows now complete: an event whose second
	 * row this is. A row waits for its pair until the end of the file, wherever
	 * the pair is (exports sorted by date put other events between them).
	 */
	push(next: Placed): Placed[] {
		const id = next.record[this.#id]!;
		if (id === '') return [next];
		const first = this.#pending.get(id);
		if (first) {
			this.#pending.delete(id);
			if (!this.#fold(first, next)) return [first];
			this.#written.set(id, first.row);
			return [first];
		}
		const before = this.#written.get(id);
		if (before !== undefined) {
			this.#problem(next.row, 'event_id_cnty', id, 'monadic-third-row', { first: before });
			return [];
		}
		this.#pending.set(id, next);
		return [];
	}

	/** Events with one actor (one row), at the end of the file, in file order. */
	flush(): Placed[] {
		const rest = [...this.#pending.values()];
		this.#pending.clear();
		return rest;
	}

	/** Put `next`'s actor into `first`'s actor2 columns; false (reported) when the rows disagree. */
	#fold(first: Placed, next: Placed): boolean {
		for (const i of this.#compare)
			if (first.record[i] !== next.record[i]) {
				this.#problem(next.row, this.columns[i]!, next.record[i]!, 'monadic-differs', {
					first: first.row,
					other: first.record[i]!
				});
				return false;
			}
		for (const [from, to] of this.#pairs) if (to >= 0) first.record[to] = next.record[from]!;
		first.also = [next.row];
		this.folded++;
		return true;
	}

	#problem(
		row: number,
		column: string,
		value: string,
		code: ProblemCode,
		params: ProblemParams
	): void {
		this.report({ file: this.file, row, column, value, code, params, severity: 'error' });
		this.reject(row);
	}
}
