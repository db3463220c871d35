/**
 * Places of rows imported from an ACLED export. ACLED writes a place by name
 * (`location`) with its coordinates and admin names on every row; Raqib keeps
 * places in their own table. Each location is matched to a place Raqib has
 * (./names.ts: the same name once case, hyphens, diacritics and the article
 * are set aside, in the same governorate when both name one) or becomes a new
 * place that takes its latitude, longitude, geo_precision and admin1–3 from
 * the first row that names it. Matches are listed for the user to confirm or
 * refuse (`rejected`); the row's own location and coordinates stay as written.
 */
import { asciiId, matchKey } from './names';
import type { Known, NewPlace, NameMatch } from './types';

/** Positions of the incident columns this reads (table order). */
interface At {
	place: number;
	location: number;
	admin1: number;
	admin2: number;
	admin3: number;
	country: number;
	latitude: number;
	longitude: number;
	geo: number;
}

export class ImportPlaces {
	#byName = new Map<string, { id: string; name: string; admin1: string }[]>();
	#ids: Set<string>;
	#rejected: Set<string>;
	/** Each location (with its admin names and country) read so far: its place and the entry that counts its rows. */
	#resolved = new Map<string, { id: string; entry: { count: number } }>();
	#matches: NameMatch[] = [];
	#created: NewPlace[] = [];
	#at: At;

	constructor(
		columns: readonly string[],
		known: Known | undefined,
		rejected: readonly string[] = []
	) {
		const at = (c: string) => columns.indexOf(c);
		this.#at = {
			place: at('place_id'),
			location: at('location'),
			admin1: at('admin1'),
			admin2: at('admin2'),
			admin3: at('admin3'),
			country: at('country'),
			latitude: at('latitude'),
			longitude: at('longitude'),
			geo: at('geo_precision')
		};
		this.#ids = new Set(known?.places);
		this.#rejected = new Set(rejected);
		const admin1 = new Map(known?.placeAdmin1 ?? []);
		for (const [name, id] of known?.placeNames ?? []) {
			const key = matchKey(name);
			const list = this.#byName.get(key) ?? [];
			if (!list.some((p) => p.id === id)) list.push({ id, name, admin1: admin1.get(id) ?? '' });
			this.#byName.set(key, list);
		}
	}

	/** Fill the row's place_id (when empty) from its location: a known place, or a new one. */
	resolve(record: string[], row: number): void {
		const at = this.#at;
		if (at.place < 0 || at.location < 0 || record[at.place] !== '') return;
		const get = (i: number) => (i < 0 ? '' : record[i]!.trim());
		const location = get(at.location);
		if (location === '') return;
		const key = [location, get(at.admin1), get(at.admin2), get(at.country)].map(matchKey).join('|');
		let hit = this.#resolved.get(key);
		if (hit) hit.entry.count++;
		else {
			const match = this.#match(location, get(at.admin1), row);
			const created = match ? null : this.#create(get, row);
			hit = match ? { id: match.id, entry: match } : { id: created!.place_id, entry: created! };
			this.#resolved.set(key, hit);
		}
		record[at.place] = hit.id;
	}

	#match(location: string, admin1: string, row: number): NameMatch | null {
		if (this.#rejected.has(location)) return null;
		const a1 = matchKey(admin1);
		const candidates = (this.#byName.get(matchKey(location)) ?? []).filter(
			(p) => !a1 || !p.admin1 || matchKey(p.admin1) === a1
		);
		if (new Set(candidates.map((p) => p.id)).size !== 1) return null;
		const place = candidates[0]!;
		const match = { value: location, id: place.id, name: place.name, row, count: 1 };
		this.#matches.push(match);
		return match;
	}

	#create(get: (i: number) => string, row: number): NewPlace {
		const at = this.#at;
		const location = get(at.location);
		const base = slug(location) || 'place';
		let id = base;
		if (this.#ids.has(id) && get(at.admin1)) id = `${base}-${slug(get(at.admin1))}`;
		for (let n = 2; this.#ids.has(id); n++) id = `${base}-${n}`;
		this.#ids.add(id);
		const place: NewPlace = {
			place_id: id,
			name_en: location,
			latitude: get(at.latitude),
			longitude: get(at.longitude),
			geo_precision: get(at.geo),
			admin1: get(at.admin1),
			admin2: get(at.admin2),
			admin3: get(at.admin3),
			country: get(at.country),
			row,
			count: 1
		};
		this.#created.push(place);
		return place;
	}

	/** Locations matched to places Raqib has, for confirmation. */
	matches(): NameMatch[] {
		return this.#matches;
	}

	/** The places the import adds, each with the first row that names it. */
	created(): NewPlace[] {
		return this.#created;
	}
}

/** A place_id from a name: ASCII letters and digits joined by '-'. */
function slug(name: string): string {
	return asciiId(name, /[^a-z0-9]+/g, '-', 48);
}
