/**
 * Row rules of incidents as declared rules (see ./rules.ts): the pairs and
 * conditional requirements of ./validate-incidents.ts, same words, on the
 * cells as written. (Not yet here: references to companion tables, the
 * date-after-report rule, assoc_actor_1 repeating actor1, id patterns.)
 */
import { ATTACK_EVENT_TYPES, ATTACK_SUB_EVENT_TYPES } from '../schema/attack';
import { SUB_EVENT_TYPES, UNKNOWN_ACTOR } from '../schema/vocab';
import { quoteLiteral } from '../query/sql';
import { list, type Rule } from './rules';

type Get = (c: string) => string;
const attackJs = (r: Get) =>
	(ATTACK_EVENT_TYPES as readonly string[]).includes(r('event_type')) ||
	(ATTACK_SUB_EVENT_TYPES as readonly string[]).includes(r('sub_event_type'));
const attackSql = (r: Get) =>
	`(${r('event_type')} IN ${list(ATTACK_EVENT_TYPES)} OR ${r('sub_event_type')} IN ${list(ATTACK_SUB_EVENT_TYPES)})`;
const PAIRS = Object.entries(SUB_EVENT_TYPES as Record<string, readonly string[]>);
const DISRUPTED = 'Disrupted weapons use';

const rule = (
	column: string,
	problem: string,
	js: (r: Get) => boolean,
	sql: (r: Get) => string,
	empty = false
): Rule => ({ column, severity: 'error', problem, empty, js: (r) => js(r), sql: (r) => sql(r) });

export const INCIDENT_ROW_RULES: readonly Rule[] = [
	{
		...rule(
			'sub_event_type',
			'',
			(r) =>
				r('event_type') !== '' &&
				r('sub_event_type') !== '' &&
				!(SUB_EVENT_TYPES as Record<string, readonly string[]>)[r('event_type')]?.includes(
					r('sub_event_type')
				),
			(r) =>
				`(${r('event_type')} <> '' AND ${r('sub_event_type')} <> '' AND NOT (${PAIRS.map(
					([et, subs]) =>
						`(${r('event_type')} = ${quoteLiteral(et)} AND ${r('sub_event_type')} IN ${list(subs)})`
				).join(' OR ')}))`
		),
		problemOf: {
			js: (r) => `is not a sub-event type of "${r('event_type')}"`,
			sql: (r) => `'is not a sub-event type of "' || ${r('event_type')} || '"'`
		}
	},
	rule(
		'actor1_certainty',
		`must be "unknown" when actor1 is ${UNKNOWN_ACTOR}`,
		(r) =>
			r('actor1') === UNKNOWN_ACTOR &&
			r('actor1_certainty') !== '' &&
			r('actor1_certainty') !== 'unknown',
		(r) =>
			`(${r('actor1')} = ${quoteLiteral(UNKNOWN_ACTOR)} AND ${r('actor1_certainty')} NOT IN ('', 'unknown'))`
	),
	rule(
		'actor1',
		`must be ${UNKNOWN_ACTOR} when actor1_certainty is "unknown"`,
		(r) =>
			r('actor1_certainty') === 'unknown' && r('actor1') !== '' && r('actor1') !== UNKNOWN_ACTOR,
		(r) =>
			`(${r('actor1_certainty')} = 'unknown' AND ${r('actor1')} NOT IN ('', ${quoteLiteral(UNKNOWN_ACTOR)}))`
	),
	rule(
		'target',
		'is required for an attack',
		(r) => attackJs(r) && r('target') === '',
		(r) => `(${attackSql(r)} AND ${r('target')} = '')`,
		true
	),
	rule(
		'target_type',
		'is required when target is set',
		(r) => r('target') !== '' && r('target_type') === '',
		(r) => `(${r('target')} <> '' AND ${r('target_type')} = '')`,
		true
	),
	rule(
		'target_type',
		'must be empty when target is',
		(r) => r('target') === '' && r('target_type') !== '',
		(r) => `(${r('target')} = '' AND ${r('target_type')} <> '')`
	),
	rule(
		'weapon',
		'is required for an attack',
		(r) => attackJs(r) && r('weapon') === '',
		(r) => `(${attackSql(r)} AND ${r('weapon')} = '')`,
		true
	),
	rule(
		'outcome',
		`must be "intercepted" for ${DISRUPTED}`,
		(r) =>
			r('sub_event_type') === DISRUPTED && r('outcome') !== '' && r('outcome') !== 'intercepted',
		(r) =>
			`(${r('sub_event_type')} = ${quoteLiteral(DISRUPTED)} AND ${r('outcome')} NOT IN ('', 'intercepted'))`
	),
	rule(
		'outcome',
		`"intercepted" requires sub_event_type ${DISRUPTED}`,
		(r) => r('outcome') === 'intercepted' && r('sub_event_type') !== DISRUPTED,
		(r) =>
			`(${r('outcome')} = 'intercepted' AND ${r('sub_event_type')} <> ${quoteLiteral(DISRUPTED)})`
	),
	rule(
		'outcome',
		'must be "unknown" for a row that is not an attack',
		(r) => !attackJs(r) && r('outcome') !== '' && r('outcome') !== 'unknown',
		(r) => `(NOT ${attackSql(r)} AND ${r('outcome')} NOT IN ('', 'unknown'))`
	)
];
