import { quoteLiteral } from '../../src/lib/query/sql';
import type { Companions } from './companions';
import { CALENDAR } from './profile';
import type { Choice } from './random';
import { Synth } from './synth';

/** Slots per distribution: probabilities are rounded to 1/SLOTS. */
const SLOTS = 1000;

/** A distribution as a SQL list literal of SLOTS items, each repeated by its probability. */
function slots<T>(choice: Choice<T>, text: (item: T) => string): string {
	const items: string[] = [];
	const p = choice.probabilities();
	choice.items.forEach((item, i) => {
		const k = i === p.length - 1 ? SLOTS - items.length : Math.round(p[i]! * SLOTS);
		for (let j = 0; j < k && items.length < SLOTS; j++) items.push(text(item));
	});
	while (items.length < SLOTS) items.push(text(choice.items[0]!));
	return `[${items.join(', ')}]`;
}

const unquote = (csv: string) =>
	csv.startsWith('"') ? csv.slice(1, -1).replaceAll('""', '"') : csv;

/**
 * The same synthetic incidents built inside DuckDB with SQL, for sizes whose
 * CSV would be too big to write or load (10M rows ≈ 3 GB of CSV). Only the
 * columns the dashboard aggregates read (event_date, event_type,
 * sub_event_type, actor1, target): 10M full-width rows would not fit in
 * DuckDB-WASM's 4 GB address space (1M full rows take ~0.7 GB). Same seeded ranking and
 * shares as the CSV generator (rounded to 1/1000), but a different random
 * stream (DuckDB's hash of the row number), so rows differ from the CSV's.
 * Runs unchanged in DuckDB-WASM and native DuckDB.
 */
export function syntheticTableSql(
	table: string,
	rows: number,
	seed: number,
	companions: Companions
): string {
	const { sub, actors, targets, hotWeeks, days } = new Synth(seed, companions).choices;
	const subIndex = slots(
		{ items: sub.items.map((_, i) => i + 1), probabilities: () => sub.probabilities() } as never,
		String
	);
	const events = `[${sub.items.map((s) => quoteLiteral(s.eventType)).join(', ')}]`;
	const subs = `[${sub.items.map((s) => quoteLiteral(s.subEventType)).join(', ')}]`;
	const u = (k: number) => `(hash(i, ${seed}, ${k}) % ${SLOTS})::INTEGER + 1`;
	return `CREATE OR REPLACE TABLE ${table} AS
SELECT DATE ${quoteLiteral(days[0]!)} + (CASE WHEN hash(i, ${seed}, 1) % 100 < ${Math.round(CALENDAR.hotShare * 100)}
		THEN ${slots(hotWeeks, String)}[${u(2)}] + (hash(i, ${seed}, 3) % 7)::INTEGER
		ELSE (hash(i, ${seed}, 4) % ${days.length})::INTEGER END) AS event_date,
	${events}[s] AS event_type,
	${subs}[s] AS sub_event_type,
	${slots(actors, (a) => quoteLiteral(unquote(a.csv)))}[${u(5)}] AS actor1,
	CASE WHEN ${subs}[s] = 'Armed clash' THEN NULL
		ELSE ${slots(targets, (t) => quoteLiteral(unquote(t.csv)))}[${u(6)}] END AS target
FROM (SELECT i, ${subIndex}[${u(0)}] AS s FROM range(${rows}) r(i))`;
}
