/** Row rules of incidents.csv that go beyond one cell: the codebook's conditional rules. */
import { isAttack } from '../schema/attack';
import {
	FOREIGN_ID_PATTERN,
	INCIDENT_ID_PATTERN,
	UNKNOWN_ACTOR,
	isSubEventOf
} from '../schema/vocab';
import { STATE_INTER_CODES, interCode } from '../schema/acled';
import type { RowView, ValidationContext } from './context';
import type { IssueSink } from './issues';
import { evidenceInText, isRealDate, splitList, todayIso } from './validate-cells';

/** Evidence spans longer than this many words draw a warning (the codebook asks for ~15). */
export const EVIDENCE_MAX_WORDS = 25;

const DISRUPTED = 'Disrupted weapons use';

type Check = (r: RowView, out: IssueSink, ctx: ValidationContext) => void;

function checkRef(
	r: RowView,
	out: IssueSink,
	column: string,
	value: string,
	set: Set<string> | undefined,
	table: string
) {
	if (value !== '' && set && !set.has(value))
		out.add(r.line, column, value, 'not-in-table', { table });
}

/** Ids in Raqib's DEZ- series follow its pattern; ids from elsewhere (ACLED, other coders) only need to be tidy. */
const idRule: Check = (r, out) => {
	const id = r.get('incident_id');
	if (id === '') return;
	if (!id.startsWith('DEZ-')) {
		if (!FOREIGN_ID_PATTERN.test(id))
			out.add(r.line, 'incident_id', id, 'foreign-id', { chars: '. _ : -', max: 64 });
		return;
	}
	const m = INCIDENT_ID_PATTERN.exec(id);
	if (!m) out.add(r.line, 'incident_id', id, 'incident-id-pattern', { example: 'DEZ-2022-0003' });
	else if (isRealDate(r.get('event_date')) && m[1] !== r.get('event_date').slice(0, 4))
		out.add(r.line, 'incident_id', id, 'id-year-mismatch', { other: 'event_date' });
};

const subEventRule: Check = (r, out, ctx) => {
	const et = r.get('event_type');
	const st = r.get('sub_event_type');
	if (et !== '' && st !== '' && !isSubEventOf(et, st))
		out.add(r.line, 'sub_event_type', st, 'sub-event-pair', { event_type: et });
	// ACLED reserves it for non-state actors; a state's forces setting up a base or post is "Other".
	const inter = ctx.known?.actorInter?.get(r.get('actor1'));
	if (
		st === 'Headquarters or base established' &&
		inter !== undefined &&
		STATE_INTER_CODES.includes(inter)
	)
		out.add(r.line, 'sub_event_type', st, 'base-non-state', { expected: 'Other' });
};

/** ACLED columns a Raqib-coded row may fill must agree with its own coding. */
const acledAgreementRule: Check = (r, out) => {
	const id = r.get('event_id_cnty');
	if (id !== '' && id !== r.get('incident_id'))
		out.add(r.line, 'event_id_cnty', id, 'event-id-cnty', { other: 'incident_id' });
	const year = r.get('year');
	if (year !== '' && isRealDate(r.get('event_date')) && year !== r.get('event_date').slice(0, 4))
		out.add(r.line, 'year', year, 'year-mismatch', { other: 'event_date' });
	for (const c of ['inter1', 'inter2']) {
		const v = r.get(c);
		if (v !== '' && interCode(v) === null) out.add(r.line, c, v, 'inter-code', { min: 0, max: 8 });
	}
};

const actorRule: Check = (r, out, ctx) => {
	const a1 = r.get('actor1');
	const cert = r.get('actor1_certainty');
	const actors = ctx.known?.actors;
	checkRef(r, out, 'actor1', a1, actors, 'actors.csv');
	checkRef(r, out, 'actor2', r.get('actor2'), actors, 'actors.csv');
	for (const a of splitList(r.get('assoc_actor_1'))) {
		checkRef(r, out, 'assoc_actor_1', a, actors, 'actors.csv');
		if (a === a1) out.add(r.line, 'assoc_actor_1', a, 'assoc-repeats-actor1', { other: 'actor1' });
	}
	if (a1 === UNKNOWN_ACTOR && cert !== '' && cert !== 'unknown')
		out.add(r.line, 'actor1_certainty', cert, 'certainty-unknown', {
			expected: 'unknown',
			other: 'actor1',
			actor: UNKNOWN_ACTOR
		});
	if (cert === 'unknown' && a1 !== '' && a1 !== UNKNOWN_ACTOR)
		out.add(r.line, 'actor1', a1, 'actor-unknown', {
			actor: UNKNOWN_ACTOR,
			other: 'actor1_certainty',
			expected: 'unknown'
		});
};

const targetRule: Check = (r, out, ctx) => {
	const target = r.get('target');
	const type = r.get('target_type');
	const attack = isAttack(r.get('event_type'), r.get('sub_event_type'));
	checkRef(r, out, 'target', target, ctx.known?.targets, 'targets.csv');
	if (attack && target === '') out.add(r.line, 'target', '', 'attack-required');
	if (target !== '' && type === '')
		out.add(r.line, 'target_type', '', 'target-type-required', { other: 'target' });
	if (target === '' && type !== '')
		out.add(r.line, 'target_type', type, 'target-type-without-target', { other: 'target' });
	const expected = ctx.known?.targetTypes?.get(target);
	if (expected !== undefined && type !== '' && type !== expected)
		out.add(r.line, 'target_type', type, 'target-type-mismatch', {
			expected,
			target,
			table: 'targets.csv'
		});
};

const weaponOutcomeRule: Check = (r, out) => {
	const sub = r.get('sub_event_type');
	const outcome = r.get('outcome');
	const attack = isAttack(r.get('event_type'), sub);
	if (attack && r.get('weapon') === '') out.add(r.line, 'weapon', '', 'attack-required');
	if (sub === DISRUPTED && outcome !== '' && outcome !== 'intercepted')
		out.add(r.line, 'outcome', outcome, 'outcome-intercepted', {
			expected: 'intercepted',
			sub_event_type: DISRUPTED
		});
	if (outcome === 'intercepted' && sub !== DISRUPTED)
		out.add(r.line, 'outcome', outcome, 'intercepted-needs-disrupted', {
			outcome: 'intercepted',
			other: 'sub_event_type',
			sub_event_type: DISRUPTED
		});
	if (!attack && outcome !== '' && outcome !== 'unknown')
		out.add(r.line, 'outcome', outcome, 'outcome-not-attack', { expected: 'unknown' });
};

const refRule: Check = (r, out, ctx) => {
	checkRef(r, out, 'place_id', r.get('place_id'), ctx.known?.places, 'places.csv');
	for (const id of splitList(r.get('source_ids')))
		checkRef(r, out, 'source_ids', id, ctx.known?.reports, 'reports.csv');
};

function firstSource(r: RowView): string {
	return splitList(r.get('source_ids'))[0] ?? '';
}

const dateRule: Check = (r, out, ctx) => {
	const date = r.get('event_date');
	const meta = ctx.known?.reportMeta?.get(firstSource(r));
	const future = date > (ctx.today ?? todayIso()); // already reported as a future date
	if (meta && !future && isRealDate(date) && isRealDate(meta.published) && date > meta.published)
		out.add(r.line, 'event_date', date, 'after-publication', {
			report: firstSource(r),
			published: meta.published
		});
	const tp = Number(r.get('time_precision'));
	const low = meta?.dateConfidence === 'low';
	if (r.get('date_note') !== '') return;
	if (tp > 1)
		out.add(r.line, 'date_note', '', 'date-note-precision', { other: 'time_precision', max: 1 });
	else if (low) out.add(r.line, 'date_note', '', 'date-note-uncertain');
};

const evidenceRule: Check = (r, out, ctx) => {
	const evidence = r.get('evidence');
	if (evidence === '') return;
	const words = evidence.split(/\s+/u).filter(Boolean).length;
	if (words > EVIDENCE_MAX_WORDS)
		out.warn(r.line, 'evidence', evidence, 'evidence-long', { words, limit: 15 });
	const id = firstSource(r);
	const text = id && ctx.reportText ? ctx.reportText(id) : undefined;
	if (text !== undefined && !evidenceInText(evidence, text))
		out.add(r.line, 'evidence', evidence, 'evidence-not-verbatim', { report: id });
};

const RULES: readonly Check[] = [
	idRule,
	acledAgreementRule,
	subEventRule,
	actorRule,
	targetRule,
	weaponOutcomeRule,
	refRule,
	dateRule,
	evidenceRule
];

/** Every row rule of incidents.csv on one row. */
export function checkIncidentRow(r: RowView, out: IssueSink, ctx: ValidationContext) {
	for (const rule of RULES) rule(r, out, ctx);
}

/** Rows should be sorted by event_date, then incident_id. */
export function checkIncidentOrder(rows: readonly RowView[], out: IssueSink) {
	for (let i = 1; i < rows.length; i++) {
		const a = rows[i - 1]!;
		const b = rows[i]!;
		const ka = `${a.get('event_date')} ${a.get('incident_id')}`;
		const kb = `${b.get('event_date')} ${b.get('incident_id')}`;
		if (kb < ka)
			out.warn(b.line, 'incident_id', b.get('incident_id'), 'rows-unsorted', {
				date: 'event_date',
				id: 'incident_id'
			});
	}
}
