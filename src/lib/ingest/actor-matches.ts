/**
 * Actor names of an ACLED import matched to actors Raqib has (./names.ts):
 * "Islamic State" for "Islamic state", "Al-Qaeda" for "Al Qaeda". A matched
 * row takes the existing name, so the dashboard counts one actor, and the
 * match is listed for the user to confirm or refuse (`rejected`) before
 * anything is applied. Only one known actor may share the key; otherwise the
 * name stays as written and is listed as new.
 */
import { matchKey } from './names';
import type { NameMatch } from './types';

export class ActorMatches {
	#byKey = new Map<string, string | null>();
	#rejected: Set<string>;
	#matches = new Map<string, NameMatch>();

	constructor(known: readonly string[], rejected: readonly string[] = []) {
		for (const name of known) {
			const key = matchKey(name);
			// Two known actors with one key: ambiguous, never matched.
			this.#byKey.set(key, this.#byKey.has(key) ? null : name);
		}
		this.#rejected = new Set(rejected);
	}

	/** The known actor a new name matches, or null. */
	match(value: string, row: number): string | null {
		if (this.#rejected.has(value)) return null;
		const seen = this.#matches.get(value);
		if (seen) {
			seen.count++;
			return seen.id;
		}
		const name = this.#byKey.get(matchKey(value));
		if (!name) return null;
		this.#matches.set(value, { value, id: name, name, row, count: 1 });
		return name;
	}

	matches(): NameMatch[] {
		return [...this.#matches.values()];
	}
}
