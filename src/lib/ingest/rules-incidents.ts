/**
 * Row rules of incidents as declared rules (see ./rules.ts): the pairs and
 * conditional requirements of ./validate-incidents.ts, same words, on the
 * cells as written, with the same problem codes. (Not yet here: references to companion tables, the
 * date-after-report rule, assoc_actor_1 repeating actor1, id patterns.)
 */
import { ATTACK_EVENT_TYPES, ATTACK_SUB_EVENT_TYPES } from '../schema/attack';
import { SUB_EVENT_TYPES, UNKNOWN_ACTOR } from '../schema/vocab';
import { quoteLiteral } from '../query/sql';
import { list, type Rule } from './rules';
import type { ProblemCode, ProblemParams } from './issues';

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
	[code, params]: [ProblemCode, ProblemParams?],
	js: (r: Get) => boolean,
	sql: (r: Get) => string,
	empty = false
): Rule => ({
	column,
	severity: 'error',
	code,
	...(params ? { params } : {}),
	empty,
	js: (r) => js(r),
	sql: (r) => sql(r)
});

export const INCIDENT_ROW_RULES: readonly Rule[] = [
	{
		...rule(
			'sub_event_type',
			['sub-event-pair'],
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
		cellParam: { name: 'event_type', column: 'event_type' }
	},
	rule(
		'actor1_certainty',
		['certainty-unknown', { expected: 'unknown', other: 'actor1', actor: UNKNOWN_ACTOR }],
		(r) =>
			r('actor1') === UNKNOWN_ACTOR &&
			r('actor1_certainty') !== '' &&
			r('actor1_certainty') !== 'unknown',
		(r) =>
			`(${r('actor1')} = ${quoteLiteral(UNKNOWN_ACTOR)} AND ${r('actor1_certainty')} NOT IN ('', 'unknown'))`
	),
	rule(
		'actor1',
		['actor-unknown', { actor: UNKNOWN_ACTOR, other: 'actor1_certainty', expected: 'unknown' }],
		(r) =>
			r('actor1_certainty') === 'unknown' && r('actor1') !== '' && r('actor1') !== UNKNOWN_ACTOR,
		(r) =>
			`(${r('actor1_certainty')} = 'unknown' AND ${r('actor1')} NOT IN ('', ${quoteLiteral(UNKNOWN_ACTOR)}))`
	),
	rule(
		'target',
		['attack-required'],
		(r) => attackJs(r) && r('target') === '',
		(r) => `(${attackSql(r)} AND ${r('target')} = '')`,
		true
	),
	rule(
		'target_type',
		['target-type-required', { other: 'target' }],
		(r) => r('target') !== '' && r('target_type') === '',
		(r) => `(${r('target')} <> '' AND ${r('target_type')} = '')`,
		true
	),
	rule(
		'target_type',
		['target-type-without-target', { other: 'target' }],
		(r) => r('target') === '' && r('target_type') !== '',
		(r) => `(${r('target')} = '' AND ${r('target_type')} <> '')`
	),
	rule(
		'weapon',
		['attack-required'],
		(r) => attackJs(r) && r('weapon') === '',
		(r) => `(${attackSql(r)} AND ${r('weapon')} = '')`,
		true
	),
	rule(
		'outcome',
		['outcome-intercepted', { expected: 'intercepted', sub_event_type: DISRUPTED }],
		(r) =>
			r('sub_event_type') === DISRUPTED && r('outcome') !== '' && r('outcome') !== 'intercepted',
		(r) =>
			`(${r('sub_event_type')} = ${quoteLiteral(DISRUPTED)} AND ${r('outcome')} NOT IN ('', 'intercepted'))`
	),
	rule(
		'outcome',
		[
			'intercepted-needs-disrupted',
			{ outcome: 'intercepted', other: 'sub_event_type', sub_event_type: DISRUPTED }
		],
		(r) => r('outcome') === 'intercepted' && r('sub_event_type') !== DISRUPTED,
		(r) =>
			`(${r('outcome')} = 'intercepted' AND ${r('sub_event_type')} <> ${quoteLiteral(DISRUPTED)})`
	),
	rule(
		'outcome',
		['outcome-not-attack', { expected: 'unknown' }],
		(r) => !attackJs(r) && r('outcome') !== '' && r('outcome') !== 'unknown',
		(r) => `(NOT ${attackSql(r)} AND ${r('outcome')} NOT IN ('', 'unknown'))`
	)
];
