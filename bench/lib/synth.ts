import { STATE_INTER_CODES } from '../../src/lib/schema/acled';
import { isAttack } from '../../src/lib/schema/attack';
import { TABLE_COLUMNS } from '../../src/lib/schema/tables';
import { UNKNOWN_ACTOR } from '../../src/lib/schema/vocab';
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

const INCIDENT_COLUMN_NAMES = TABLE_COLUMNS.incidents.map((c) => c.name);
export const INCIDENT_HEADER = INCIDENT_COLUMN_NAMES.join(',');

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
	/** Actors: the ACLED inter code. */
	inter?: number;
	type?: string;
	place?: string;
}

interface Report {
	id: string;
	published: string;
	low: boolean;
}

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Every day of the calendar as 'YYYY-MM-DD' (CALENDAR.years up to `last`,
 * starting on a Monday), and the hot weeks' first days, chosen by the seed.
 */
function calendar(last: string, random: () => number) {
	const end = Date.parse(`${last}T00:00:00Z`);
	let start = end - Math.round(CALENDAR.years * 365.25) * DAY_MS;
	start -= ((new Date(start).getUTCDay() + 6) % 7) * DAY_MS; // back to Monday
	const days: string[] = [];
	for (let t = start; t <= end; t += DAY_MS) days.push(iso(t));
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
 * weeks. Rows keep the codebook's rules (src/lib/ingest/validate-incidents.ts)
 * except the id pattern: SYN-<seed>-<n> instead of DEZ-<year>-<nnnn>, so
 * that no synthetic row can pass for a real one. Call next() for rows 1, 2, 3, …
 */
export class Synth {
	readonly header = INCIDENT_HEADER;
	readonly #random: () => number;
	readonly #idPrefix: string;
	readonly #notes: string;
	readonly #dataset: string;
	#n = 0;
	readonly #days: string[];
	readonly #hotWeeks: Choice<number>;
	readonly #sub = new Choice(
		SUB_EVENTS,
		SUB_EVENTS.map((s) => s.weight)
	);
	readonly #weapons = new Map<SubEvent, Choice<string>>();
	readonly #outcomes = new Map<SubEvent, Choice<string>>();
	readonly #attack = new Map<SubEvent, boolean>();
	readonly #certainty = weighted(CERTAINTY);
	readonly #precision = weighted(TIME_PRECISION);
	readonly #sources = weighted(SOURCES_PER_INCIDENT);
	readonly #actors: Choice<Ref>;
	readonly #unknownActor: Ref | undefined;
	readonly #opponents = new Map<Ref, Choice<Ref>>();
	readonly #targets: Choice<Ref>;
	readonly #places: Choice<Ref>;
	readonly #placeAr = new Map<string, string>();
	/** Reports by publication date, and for each i a Zipf choice among reports i… (published no earlier). */
	readonly #reportsByDate: Report[];
	readonly #reportsFrom: Choice<Report>[];

	constructor(seed: number, companions: Companions) {
		const random = (this.#random = rng(seed));
		this.#idPrefix = `${SYNTHETIC_ID_PREFIX}${seed}-`;
		this.#notes = `SYNTHETIC (npm run gen; seed ${seed})`;
		this.#dataset = `Synthetic (seed ${seed})`;
		this.#reportsByDate = companions.reports
			.map((r) => ({
				id: csvField(r.report_id),
				published: r.published,
				low: r.date_confidence === 'low'
			}))
			.sort((a, b) => a.published.localeCompare(b.published));
		({ days: this.#days, hotWeeks: this.#hotWeeks } = calendar(
			this.#reportsByDate.at(-1)!.published,
			random
		));
		for (const s of SUB_EVENTS) {
			this.#weapons.set(s, weighted(s.weapons));
			this.#outcomes.set(s, weighted(s.outcomes));
			this.#attack.set(s, isAttack(s.eventType, s.subEventType));
		}
		const zipf = <T>(items: readonly T[]) => {
			const ranked = shuffled(items, random);
			return new Choice(ranked, zipfWeights(ranked.length));
		};
		const actors = companions.actors.map((a) => ({
			csv: csvField(a.actor),
			ar: a.name_ar || a.actor,
			side: a.side,
			inter: Number(a.acled_inter)
		}));
		this.#unknownActor = actors.find((a) => a.csv === UNKNOWN_ACTOR);
		const named = actors.filter((a) => a !== this.#unknownActor);
		this.#actors = zipf(named.length ? named : actors);
		for (const a of actors) {
			const others = named.filter((b) => b.side !== a.side);
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
		const ranked = zipf(this.#reportsByDate);
		const rank = new Map(ranked.items.map((r, i) => [r, i]));
		this.#reportsFrom = this.#reportsByDate.map((_, i) => {
			const eligible = this.#reportsByDate.slice(i);
			return new Choice(
				eligible,
				eligible.map((r) => 1 / (rank.get(r)! + 1) ** 1.1)
			);
		});
	}

	/** The distributions, for the SQL form of the same generator (synth-sql.ts). */
	get choices() {
		return {
			sub: this.#sub,
			actors: this.#actors,
			targets: this.#targets,
			hotWeeks: this.#hotWeeks,
			days: this.#days
		};
	}

	#date(): string {
		const r = this.#random;
		if (r() < CALENDAR.hotShare)
			return this.#days[this.#hotWeeks.pick(r()) + Math.floor(r() * 7)] ?? this.#days.at(-1)!;
		return this.#days[Math.floor(r() * this.#days.length)]!;
	}

	/** Casualties: mostly none, otherwise a geometric tail (capped). */
	#count(pZero: number): number {
		const r = this.#random;
		if (r() < pZero) return 0;
		return Math.min(80, 1 + Math.floor(Math.log(1 - r()) / Math.log(0.55)));
	}

	/** The first source is a report published on or after the date; the others any report. */
	#sources_(date: string): { ids: string; low: boolean } {
		const byDate = this.#reportsByDate;
		let lo = 0;
		let hi = byDate.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (byDate[mid]!.published < date) lo = mid + 1;
			else hi = mid;
		}
		const first = this.#reportsFrom[lo]!.pick(this.#random());
		const k = Number(this.#sources.pick(this.#random()));
		if (k === 1) return { ids: first.id, low: first.low };
		const ids = new Set([first.id]);
		const all = this.#reportsFrom[0]!;
		for (let i = 1; i < k; i++) ids.add(all.pick(this.#random()).id);
		return { ids: csvField([...ids].join(';')), low: first.low };
	}

	/** The next row as one CSV line (no line break). */
	next(): string {
		const r = this.#random;
		const n = ++this.#n;
		const sub = this.#sub.pick(r());
		const attack = this.#attack.get(sub)!;
		let certainty = this.#certainty.pick(r());
		let actor = this.#actors.pick(r());
		if (certainty === 'unknown') {
			if (this.#unknownActor) actor = this.#unknownActor;
			else certainty = 'suspected';
		}
		const other =
			sub.text === 'clash' || r() < 0.6
				? (this.#opponents.get(actor) ?? this.#actors).pick(r())
				: undefined;
		const assoc = r() < 0.1 ? this.#actors.pick(r()) : undefined;
		const target = attack || r() < 0.5 ? this.#targets.pick(r()) : undefined;
		const place = target?.place && r() < 0.85 ? target.place : this.#places.pick(r()).csv;
		const weapon = this.#weapons.get(sub)!.pick(r());
		const precision = this.#precision.pick(r());
		const fatalities = sub.casualties ? this.#count(0.6) : 0;
		const injuries = sub.casualties ? this.#count(0.5) : 0;
		const date = this.#date();
		const sources = this.#sources_(date);
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
			precision === '2'
				? 'week only (synthetic)'
				: precision === '3'
					? 'month only (synthetic)'
					: sources.low
						? 'report date uncertain (synthetic)'
						: '';
		const id = `${this.#idPrefix}${String(n).padStart(8, '0')}`;
		const cells: Record<string, string | number> = {
			incident_id: id,
			dataset: this.#dataset,
			event_id_cnty: id,
			event_date: date,
			year: date.slice(0, 4),
			time_precision: precision,
			event_type: sub.eventType,
			// ACLED keeps 'Headquarters or base established' for non-state actors (codebook).
			sub_event_type:
				sub.subEventType === 'Headquarters or base established' &&
				STATE_INTER_CODES.includes(actor.inter ?? 0)
					? 'Other'
					: sub.subEventType,
			actor1: actor.csv,
			assoc_actor_1: assoc && assoc !== actor ? assoc.csv : '',
			actor2: other && other !== actor ? other.csv : '',
			notes: this.#notes,
			fatalities,
			place_id: csvField(place),
			actor1_certainty: certainty,
			target: target?.csv ?? '',
			target_type: target?.type ?? '',
			weapon,
			outcome: this.#outcomes.get(sub)!.pick(r()),
			injuries,
			source_ids: sources.ids,
			evidence: csvField(text),
			date_note: note
		};
		return INCIDENT_COLUMN_NAMES.map((c) => cells[c] ?? '').join(',');
	}
}
