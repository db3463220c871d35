/**
 * Closed vocabularies of the codebook (data/README.md). Pure constants: no imports.
 * Event and sub-event types are ACLED's exact strings.
 */

export const EVENT_TYPES = [
	'Battles',
	'Explosions/Remote violence',
	'Violence against civilians',
	'Protests',
	'Riots',
	'Strategic developments'
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The sub-event types ACLED allows under each event type. */
export const SUB_EVENT_TYPES = {
	Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
	'Explosions/Remote violence': [
		'Chemical weapon',
		'Air/drone strike',
		'Suicide bomb',
		'Shelling/artillery/missile attack',
		'Remote explosive/landmine/IED',
		'Grenade'
	],
	'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
	Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
	Riots: ['Violent demonstration', 'Mob violence'],
	'Strategic developments': [
		'Agreement',
		'Arrests',
		'Change to group/activity',
		'Disrupted weapons use',
		'Headquarters or base established',
		'Looting/property destruction',
		'Non-violent transfer of territory',
		'Other'
	]
} as const satisfies Record<EventType, readonly string[]>;
export type SubEventType = (typeof SUB_EVENT_TYPES)[EventType][number];

/** Every sub-event type, in codebook order. */
export const ALL_SUB_EVENT_TYPES: readonly SubEventType[] = EVENT_TYPES.flatMap(
	(t) => SUB_EVENT_TYPES[t]
);

/** How the attack was delivered. Empty is allowed only for rows that are not attacks. */
export const WEAPONS = [
	'drone',
	'rocket',
	'airstrike',
	'helicopter',
	'artillery',
	'ground assault',
	'unknown'
] as const;
export type Weapon = (typeof WEAPONS)[number];

/** hit: the attack took place / reached its target; intercepted: stopped before impact. */
export const OUTCOMES = ['hit', 'intercepted', 'unknown'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** How sure the report is of actor1. */
export const CERTAINTIES = ['stated', 'suspected', 'unknown'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

/** The side an actor fights on in Deir ez-Zor. */
export const SIDES = [
	'coalition',
	'Iran-aligned',
	'Syrian government',
	'other',
	'unknown'
] as const;
export type Side = (typeof SIDES)[number];

/** What kind of thing was attacked. */
export const TARGET_TYPES = [
	'base',
	'headquarters',
	'depot',
	'launcher',
	'vehicle',
	'positions',
	'forces',
	'village',
	'facility',
	'unknown'
] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/** ACLED time precision: 1 day known, 2 week known, 3 month known. */
export const TIME_PRECISIONS = [1, 2, 3] as const;
export type TimePrecision = (typeof TIME_PRECISIONS)[number];

/** ACLED geo precision: 1 the place itself, 2 near / part of it, 3 only the region. */
export const GEO_PRECISIONS = [1, 2, 3] as const;
export type GeoPrecision = (typeof GEO_PRECISIONS)[number];

/** Side of the Euphrates; empty where it does not apply (islands, places away from the river). */
export const BANKS = ['east', 'west'] as const;
export type Bank = (typeof BANKS)[number];

/** How sure the publication date of a source report is. */
export const DATE_CONFIDENCES = ['high', 'medium', 'low'] as const;
export type DateConfidence = (typeof DATE_CONFIDENCES)[number];

/** ACLED's actor type ("inter") codes. */
export const ACLED_INTER = {
	1: 'State forces',
	2: 'Rebel groups',
	3: 'Political militias',
	4: 'Identity militias',
	5: 'Rioters',
	6: 'Protesters',
	7: 'Civilians',
	8: 'External/Other forces'
} as const;
export type AcledInter = keyof typeof ACLED_INTER;

/** The actor name used when a report does not say who acted (certainty must then be 'unknown'). */
export const UNKNOWN_ACTOR = 'Unknown';

/** incident_id of Raqib's own coding: DEZ-<year of event_date>-<4-digit sequence>. */
export const INCIDENT_ID_PATTERN = /^DEZ-(\d{4})-\d{4}$/;

/**
 * Any other incident_id (an ACLED event_id_cnty such as SYR12345, a newsroom's
 * own scheme): letters, digits and . _ : - , at most 64 characters, no spaces.
 */
export const FOREIGN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** place_id: a lowercase ASCII slug. */
export const PLACE_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Separator of list cells (assoc_actor_1, source_ids). */
export const LIST_SEPARATOR = ';';

/** Is `sub` one of the sub-event types ACLED allows under `eventType`? */
export function isSubEventOf(eventType: string, sub: string): boolean {
	const allowed: readonly string[] | undefined = (
		SUB_EVENT_TYPES as Record<string, readonly string[]>
	)[eventType];
	return allowed !== undefined && allowed.includes(sub);
}
