import { interCode } from '$lib/schema/acled';
import type { ActorMatches } from './actor-matches';
import type { TableName } from '$lib/schema/tables';
import type { Known, UnknownRef } from './types';

type RefTable = UnknownRef['table'];

/** Columns whose values must exist in a companion table; lists are ';'-separated. */
const REFERENCES: Partial<
	Record<TableName, { column: string; table: RefTable; list?: boolean; inter?: string }[]>
> = {
	incidents: [
		{ column: 'actor1', table: 'actors', inter: 'inter1' },
		{ column: 'actor2', table: 'actors', inter: 'inter2' },
		{ column: 'assoc_actor_1', table: 'actors', list: true, inter: 'inter1' },
		{ column: 'assoc_actor_2', table: 'actors', list: true, inter: 'inter2' },
		{ column: 'target', table: 'targets' },
		{ column: 'place_id', table: 'places' }
	],
	targets: [
		{ column: 'place_id', table: 'places' },
		{ column: 'operator', table: 'actors' }
	]
};

const fold = (s: string) => s.trim().toLowerCase();

/**
 * Finds the actors, targets and places an upload names that the companion
 * tables do not have yet, so the user can add them as new entries, and turns
 * a place written by name (an ACLED `location`) into its place_id.
 */
export class References {
	#checks: { index: number; table: RefTable; list: boolean; inter: number }[] = [];
	#known: Record<RefTable, Set<string>>;
	#placeByName = new Map<string, string>();
	#placeColumn = -1;
	#typeColumn = -1;
	#unknown: Record<RefTable, Map<string, UnknownRef>> = {
		actors: new Map(),
		targets: new Map(),
		places: new Map(),
		reports: new Map()
	};
	#columnsSeen: string[] | null = null;

	/**
	 * `imported`: rows of an ACLED export, whose places are made from the file
	 * (./import-places.ts) rather than listed here, and whose new actors carry
	 * their inter code so a side can be suggested.
	 */
	constructor(
		private kind: TableName,
		known?: Known,
		resolveNames = true,
		private imported = false,
		/** Imported rows: matches of new actor names to known ones (./actor-matches.ts). */
		readonly actors: ActorMatches | null = null
	) {
		this.#known = {
			actors: new Set(known?.actors),
			targets: new Set(known?.targets),
			places: new Set(known?.places),
			reports: new Set(known?.reports)
		};
		if (resolveNames)
			for (const [name, id] of known?.placeNames ?? []) this.#placeByName.set(fold(name), id);
	}

	/** Check one row (in table column order), fixing place names to ids in place. */
	resolve(record: string[], columns: string[], row: number): void {
		if (this.#columnsSeen !== columns) this.#setup(columns);
		if (this.#placeColumn >= 0) {
			const v = record[this.#placeColumn]!.trim();
			if (v && !this.#known.places.has(v)) {
				const id = this.#placeByName.get(fold(v));
				if (id) record[this.#placeColumn] = id;
			}
		}
		for (const c of this.#checks) {
			const cell = record[c.index]!;
			// An imported actor written another way than one Raqib has: the known name, listed for confirmation.
			if (this.actors && !c.list && cell && !this.#known.actors.has(cell)) {
				const name = c.table === 'actors' ? this.actors.match(cell, row) : null;
				if (name) {
					record[c.index] = name;
					continue;
				}
			}
			const inter = c.inter >= 0 ? interCode(record[c.inter]!) : null;
			if (!c.list) this.#check(c.table, cell, record, row, inter);
			else if (cell)
				for (const item of cell.split(';')) this.#check(c.table, item, record, row, inter);
		}
	}

	#check(table: RefTable, raw: string, record: string[], row: number, inter: number | null): void {
		if (!raw || this.#known[table].has(raw)) return;
		const value = raw.trim();
		if (!value || this.#known[table].has(value)) return;
		const seen = this.#unknown[table].get(value);
		if (seen) seen.count++;
		else
			this.#unknown[table].set(value, {
				table,
				value,
				row,
				count: 1,
				...this.#type(table, record),
				...(this.imported && inter ? { inter } : {})
			});
	}

	/** A new target's type, from the incident row that names it. */
	#type(table: RefTable, record: string[]): { type?: string } {
		const type = table === 'targets' && this.#typeColumn >= 0 ? record[this.#typeColumn] : '';
		return type ? { type } : {};
	}

	unknown(): UnknownRef[] {
		return Object.values(this.#unknown).flatMap((m) => [...m.values()]);
	}

	#setup(columns: string[]): void {
		this.#columnsSeen = columns;
		this.#placeColumn = this.#placeByName.size ? columns.indexOf('place_id') : -1;
		this.#typeColumn = this.kind === 'incidents' ? columns.indexOf('target_type') : -1;
		if (this.#known.actors.size + this.#known.places.size + this.#known.targets.size === 0) return;
		this.#checks = (REFERENCES[this.kind] ?? [])
			.filter((r) => !(this.imported && r.table === 'places'))
			.map((r) => ({
				index: columns.indexOf(r.column),
				table: r.table,
				list: !!r.list,
				inter: this.imported && r.inter ? columns.indexOf(r.inter) : -1
			}))
			.filter((r) => r.index >= 0);
	}
}
