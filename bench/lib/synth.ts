import { TABLE_COLUMNS } from '../../src/lib/schema/tables';
import type { Companions } from './companions';
import { evidence } from './evidence';
import {
	CALENDAR,
	CERTAINTY,
	SOURCES_PER_INCIDENT,
	SUB_EVENTS,
	TIME_PRECISION,
	type SubEvent
} from './profile';
import { Choice, rng, shuffled, zipfWeights } from './random';

/** Every synthetic incident id starts with this, so no synthetic row passes for a real one. */
export const SYNTHETIC_ID_PREFIX = 'SYN-';

export const INCIDENT_HEADER = TABLE_COLUMNS.incidents.map((c) => c.name).join(',');

/** A CSV field: quoted only when it must be (RFC 4180). */
export function csvField(s: string): string {
	return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function weighted<K extends string | number>(record: Record<K, number>): Choice<string> {
	return new Choice(Object.keys(record), Object.values<number>(record));
}

/** A companion row as the generator uses it: its id ready for the CSV, and its Arabic name. */
export interface Ref {
	csv: string;
	ar: string;
	side?: string;
	type?: string;
	place?: string;
}

const DAY_MS = 86_400_000;

/** Every day of the calendar as 'YYYY-MM-DD', and the hot weeks' first days, chosen by the seed. */
function calendar(random: () => number) {
	const first = Date.parse(`${CALENDAR.first}T00:00:00Z`);
	const days: string[] = [];
	for (let t = first; t <= Date.parse(`${CALENDAR.last}T00:00:00Z`); t += DAY_MS)
		days.push(new Date(t).toISOString().slice(0, 10));
	const weeks = Math.floor(days.length / 7);
	const starts = Array.from({ length: weeks }, (_, w) => w * 7);
	const hot = shuffled(starts, random).slice(0, CALENDAR.hotWeeks);
	return { days, hotWeeks: new Choice(hot, zipfWeights(hot.length, 1)) };
}

/**
 * Synthetic incidents as CSV lines, in the column order of the codebook.
 * Deterministic: the same seed and the same companion tables give the same
 * lines. Actors, targets, places and reports are the ids in the companion
 * tables, ranked by a seeded shuffle and drawn by a Zipf law, so a few of
 * them dominate, as in the real reporting; 70% of incidents fall in 60 hot
 * weeks. Call next() for rows 1, 2, 3, …
 */
export class Synth {
	readonly header = INCIDENT_HEADER;
	readonly #random: () => number;
	readonly #idPrefix: string;
	readonly #notes: string;
	#n = 0;
	readonly #days: string[];
	readonly #hotWeeks: Choice<number>;
	readonly #sub = new Choice(
		SUB_EVENTS,
		SUB_EVENTS.map((s) => s.weight)
	);
	readonly #weapons = new Map<SubEvent, Choice<string>>();
	readonly #outcomes = new Map<SubEvent, Choice<string>>();
	readonly #certainty = weighted(CERTAINTY);
	readonly #precision = weighted(TIME_PRECISION);
	readonly #sources = weighted(SOURCES_PER_INCIDENT);
	/** The ranked distributions, for the SQL form of the same generator (synth-sql.ts). */
	get choices() {
		return {
			sub: this.#sub,
			actors: this.#actors,
			targets: this.#targets,
			hotWeeks: this.#hotWeeks,
			days: this.#days
		};
	}
	readonly #actors: Choice<Ref>;
	readonly #opponents = new Map<Ref, Choice<Ref>>();
	readonly #targets: Choice<Ref>;
	readonly #places: Choice<Ref>;
	readonly #placeAr = new Map<string, string>();
	readonly #reports: Choice<string>;

	constructor(seed: number, companions: Companions) {
		const random = (this.#random = rng(seed));
		this.#idPrefix = `${SYNTHETIC_ID_PREFIX}${seed}-`;
		this.#notes = `SYNTHETIC (npm run gen; seed ${seed})`;
		({ days: this.#days, hotWeeks: this.#hotWeeks } = calendar(random));
		for (const s of SUB_EVENTS) {
			this.#weapons.set(s, weighted(s.weapons));
			this.#outcomes.set(s, weighted(s.outcomes));
		}
		const zipf = <T>(items: readonly T[]) => {
			const ranked = shuffled(items, random);
			return new Choice(ranked, zipfWeights(ranked.length));
		};
		const actors = companions.actors.map((a) => ({
			csv: csvField(a.actor),
			ar: a.name_ar || a.actor,
			side: a.side
		}));
		this.#actors = zipf(actors);
		for (const a of actors) {
			const others = actors.filter((b) => b.side !== a.side);
			if (others.length) this.#opponents.set(a, zipf(others));
		}
		this.#targets = zipf(
			companions.targets.map((t) => ({
				csv: csvField(t.target),
				ar: t.name_ar || t.target,
				type: t.target_type,
				place: t.place_id
			}))
		);
		for (const p of companions.places) this.#placeAr.set(p.place_id, p.name_ar || p.place_id);
		this.#places = zipf(companions.places.map((p) => ({ csv: p.place_id, ar: p.name_ar })));
		this.#reports = zipf(companions.reports.map((r) => r.report_id));
	}

	#date(): string {
		const r = this.#random;
		if (r() < CALENDAR.hotShare)
			return this.#days[this.#hotWeeks.pick(r()) + Math.floor(r() * 7)] ?? this.#days[0]!;
		return this.#days[Math.floor(r() * this.#days.length)]!;
	}

	/** Casualties: mostly none, otherwise a geometric tail (capped). */
	#count(pZero: number): number {
		const r = this.#random;
		if (r() < pZero) return 0;
		return Math.min(80, 1 + Math.floor(Math.log(1 - r()) / Math.log(0.55)));
	}

	#sourceIds(): string {
		const k = Number(this.#sources.pick(this.#random()));
		const first = this.#reports.pick(this.#random());
		if (k === 1) return first;
		const ids = new Set([first]);
		for (let i = 1; i < k; i++) ids.add(this.#reports.pick(this.#random()));
		return csvField([...ids].join(';'));
	}

	/** The next row as one CSV line (no line break). */
	next(): string {
		const r = this.#random;
		const n = ++this.#n;
		const sub = this.#sub.pick(r());
		const actor = this.#actors.pick(r());
		const other =
			sub.text === 'clash' || r() < 0.6
				? (this.#opponents.get(actor) ?? this.#actors).pick(r())
				: undefined;
		const assoc = r() < 0.1 ? this.#actors.pick(r()) : undefined;
		const target =
			sub.text === 'clash' || (sub.text === 'other' && r() < 0.5)
				? undefined
				: this.#targets.pick(r());
		const place = target?.place && r() < 0.85 ? target.place : this.#places.pick(r()).csv;
		const weapon = this.#weapons.get(sub)!.pick(r());
		const precision = this.#precision.pick(r());
		const fatalities = sub.casualties ? this.#count(0.6) : 0;
		const injuries = sub.casualties ? this.#count(0.5) : 0;
		const text = evidence({
			text: sub.text,
			weapon,
			actor: actor.ar,
			other: other?.ar ?? '',
			target: target?.ar ?? '',
			place: this.#placeAr.get(place) ?? place,
			fatalities,
			injuries
		});
		const note =
			precision === '1'
				? ''
				: precision === '2'
					? 'week only (synthetic)'
					: 'month only (synthetic)';
		return `${this.#idPrefix}${String(n).padStart(8, '0')},${this.#date()},${precision},${note},${sub.eventType},${sub.subEventType},${actor.csv},${this.#certainty.pick(r())},${assoc && assoc !== actor ? assoc.csv : ''},${other && other !== actor ? other.csv : ''},${target?.csv ?? ''},${target?.type ?? ''},${weapon},${this.#outcomes.get(sub)!.pick(r())},${csvField(place)},${fatalities},${injuries},${this.#sourceIds()},${csvField(text)},${this.#notes}`;
	}
}
