/**
 * Constructed incident series for the trend tests, loaded through the real
 * facts builder, and a plain JS recount of the trend windows (string date
 * comparisons, Maps: nothing shared with the SQL under test). Synthetic and
 * seeded; never shipped.
 */
import { buildFacts } from '../../../src/lib/query/facts';
import type { DateRange, TrendWindow } from '../../../src/lib/query/periods';
import { shippedConnector, type NodeConnector } from '../support/node-connector';

export interface Event {
	date: string;
	actor: string;
	target: string;
	/** A place_id; one not in data/places.csv has no admin1. */
	place: string;
	weapon: string;
	/** false = a strategic development (not an attack). */
	attack?: boolean;
}

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
export function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The shipped tables, with incidents replaced by `events` (places, actors, targets kept). */
export async function constructedConnector(events: readonly Event[]): Promise<NodeConnector> {
	const conn = await shippedConnector();
	await conn.exec('DELETE FROM incidents');
	const CHUNK = 200;
	for (let i = 0; i < events.length; i += CHUNK) {
		const part = events.slice(i, i + CHUNK);
		const params = part.flatMap((e, j) => [
			`SYN-${i + j}`,
			e.date,
			e.attack === false ? 'Strategic developments' : 'Explosions/Remote violence',
			e.attack === false ? 'Other' : 'Air/drone strike',
			e.actor,
			e.target,
			e.weapon,
			e.place
		]);
		await conn.query({
			sql: `INSERT INTO incidents (incident_id, event_date, time_precision, event_type, sub_event_type,
				actor1, actor1_certainty, target, weapon, outcome, place_id, fatalities, injuries,
				source_ids, evidence, notes)
			SELECT id, CAST(d AS DATE), 1, et, st, a, 'stated', t, w, 'unknown', p, 0, 0, 'synthetic', 'synthetic', 'synthetic'
			FROM (VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}) AS v(id, d, et, st, a, t, w, p)`,
			params
		});
	}
	await conn.exec(buildFacts());
	return conn;
}

const inRange = (d: string, r: DateRange) => d >= r.from && d <= r.to;

/** admin1 per place_id, read from data/places.csv by the caller (absent = unknown place). */
export type Admin1 = ReadonlyMap<string, string>;

/** The recount: "dim|key" → {now, base, year}, rows with now = base = 0 left out, as the builder does. */
export function recountTrends(
	events: readonly Event[],
	w: TrendWindow,
	admin1: Admin1,
	keep: (e: Event) => boolean = (e) => e.attack !== false
): Map<string, { now: number; base: number; year: number }> {
	const out = new Map<string, { now: number; base: number; year: number }>();
	for (const e of events) {
		if (!keep(e)) continue;
		const keys: [string, string | null][] = [
			['actor', e.actor],
			['target', e.target],
			['place', e.place],
			['admin1', admin1.get(e.place) ?? null],
			['weapon', e.weapon]
		];
		for (const [dim, key] of keys) {
			const id = `${dim}|${key}`;
			const c = out.get(id) ?? { now: 0, base: 0, year: 0 };
			if (inRange(e.date, w.now)) c.now++;
			if (inRange(e.date, w.baseline)) c.base++;
			if (inRange(e.date, w.year)) c.year++;
			out.set(id, c);
		}
	}
	for (const [id, c] of out) if (c.now === 0 && c.base === 0) out.delete(id);
	return out;
}

/** Every date from `from` to `to` inclusive. */
export function days(from: string, to: string): string[] {
	const out: string[] = [];
	for (let d = new Date(`${from}T00:00:00Z`); ; d.setUTCDate(d.getUTCDate() + 1)) {
		const s = d.toISOString().slice(0, 10);
		if (s > to) return out;
		out.push(s);
	}
}
