import { desc, fromCSV, type ColumnTable } from 'arquero';
import { ATTACK_EVENT_TYPES, ATTACK_SUB_EVENT_TYPES, type AggregateName } from '../lib/aggregates';

// Arquero compiles expressions from their source text, so they are written as
// strings: a minifier renaming `d` or `op` inside a function would break them.
// Plain comparisons (faster in Arquero than op.includes), built from the app's attack rule.
const PARAMS: Record<string, string> = {};
const tests = [
	...ATTACK_EVENT_TYPES.map((v, i) => ((PARAMS[`e${i}`] = v), `d.event_type === $.e${i}`)),
	...ATTACK_SUB_EVENT_TYPES.map((v, i) => ((PARAMS[`s${i}`] = v), `d.sub_event_type === $.s${i}`))
];
const ATTACK = `(d, $) => ${tests.join(' || ')}`;
// Monday of the ISO week, as epoch ms (ISO dates parse to UTC midnight).
const WEEK = 'd => +d.event_date - ((op.utcdayofweek(d.event_date) + 6) % 7) * 86400000';

function attacks(table: ColumnTable): ColumnTable {
	return table.params(PARAMS).filter(ATTACK);
}

/** The same three aggregates in Arquero, each ending in plain row objects like DuckDB's. */
export const ARQUERO_AGGREGATES: Record<AggregateName, (t: ColumnTable) => object[]> = {
	by_actor: (t) => attacks(t).groupby('actor1').count({ as: 'n' }).orderby(desc('n')).objects(),
	by_target: (t) => attacks(t).groupby('target').count({ as: 'n' }).orderby(desc('n')).objects(),
	by_week: (t) =>
		attacks(t).derive({ week: WEEK }).groupby('week').count({ as: 'n' }).orderby('week').objects()
};

/** Parse CSV text the way an Arquero user would (types inferred; dates become Date). */
export function arqueroFromCsv(text: string): ColumnTable {
	return fromCSV(text);
}
