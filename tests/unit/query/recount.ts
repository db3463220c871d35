import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { isAttack } from '../../../src/lib/schema/attack';
import type { Choice, Filters } from '../../../src/lib/query/filters';

/**
 * An independent recount of data/ in plain JS (papaparse, no SQL), so the
 * builders are checked against something that does not share their code.
 */
export type CsvRow = Record<string, string>;
export const csv = (table: string): CsvRow[] =>
	Papa.parse<CsvRow>(readFileSync(`data/${table}.csv`, 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;

export interface Fact {
	row: CsvRow;
	actor: string;
	side: string;
	target: string;
	target_type: string;
	weapon: string;
	outcome: string;
	place: string;
	admin1: string;
	dataset: string;
	attack: boolean;
}

export function facts(): Fact[] {
	const side = new Map(csv('actors').map((a) => [a.actor!, a.side!]));
	const admin1 = new Map(csv('places').map((p) => [p.place_id!, p.admin1!]));
	const or = (v: string | undefined, d: string) => (v ? v : d);
	return csv('incidents').map((row) => ({
		row,
		actor: row.actor1!,
		side: side.get(row.actor1!) ?? 'unknown',
		target: or(row.target, '(none)'),
		target_type: or(row.target_type, 'unknown'),
		weapon: or(row.weapon, 'unknown'),
		outcome: or(row.outcome, 'unknown'),
		place: row.place_id!,
		admin1: or(row.admin1, admin1.get(row.place_id!) ?? '(none)'),
		dataset: row.dataset ?? '',
		attack: isAttack(row.event_type!, row.sub_event_type!)
	}));
}

/** A selection in plain JS: "only" keeps listed values, "all but" keeps the others. */
const chosen = (c: Choice | undefined, v: string) =>
	!c?.values.length || (c.exclude ? !c.values.includes(v) : c.values.includes(v));

export function matching(all: Fact[], f: Filters): Fact[] {
	return all.filter(
		(x) =>
			(f.all || x.attack) &&
			(!f.from || x.row.event_date! >= f.from) &&
			(!f.to || x.row.event_date! <= f.to) &&
			chosen(f.actor, x.actor) &&
			chosen(f.side, x.side) &&
			chosen(f.target, x.target) &&
			chosen(f.target_type, x.target_type) &&
			chosen(f.weapon, x.weapon) &&
			chosen(f.place, x.place) &&
			chosen(f.outcome, x.outcome) &&
			chosen(f.admin1, x.admin1) &&
			chosen(f.dataset, x.dataset) &&
			(!f.q || (x.row.notes ?? '').toLowerCase().includes(f.q.toLowerCase()))
	);
}

/** Monday of the ISO week of a 'YYYY-MM-DD' date. */
export function monday(date: string): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
	return d.toISOString().slice(0, 10);
}

export function countBy(rows: Fact[], key: (x: Fact) => string): Record<string, number> {
	const out: Record<string, number> = {};
	for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
	return out;
}
