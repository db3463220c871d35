/**
 * The shape of the synthetic incidents: which event types, weapons and
 * outcomes occur, and how often. Invented proportions that resemble the
 * reporting on Deir ez-Zor (mostly strikes and shelling, some clashes,
 * intercepted drones and rockets); they describe no real period.
 */

export interface SubEvent {
	eventType: string;
	subEventType: string;
	/** Share of all incidents. */
	weight: number;
	/** Weapons for this kind of event, with weights. */
	weapons: Record<string, number>;
	outcomes: Record<string, number>;
	/** Whether the event can kill or injure (an intercepted drone does not). */
	casualties: boolean;
	/** Which Arabic sentence describes it (see evidence.ts). */
	text: 'strike' | 'shelling' | 'clash' | 'civilians' | 'intercept' | 'explosion' | 'other';
}

// Outcomes follow the codebook: "intercepted" only for Disrupted weapons use
// (always), "unknown" for rows that are not attacks.
const HIT = { hit: 0.85, unknown: 0.15 };
const NOT_AN_ATTACK = { unknown: 1 };
/** Rows that are not attacks name no weapon. */
const NO_WEAPON = { '': 1 };

export const SUB_EVENTS: readonly SubEvent[] = [
	{
		eventType: 'Explosions/Remote violence',
		subEventType: 'Air/drone strike',
		weight: 30,
		weapons: { drone: 0.5, airstrike: 0.35, helicopter: 0.1, unknown: 0.05 },
		outcomes: HIT,
		casualties: true,
		text: 'strike'
	},
	{
		eventType: 'Explosions/Remote violence',
		subEventType: 'Shelling/artillery/missile attack',
		weight: 22,
		weapons: { rocket: 0.55, artillery: 0.4, unknown: 0.05 },
		outcomes: HIT,
		casualties: true,
		text: 'shelling'
	},
	{
		eventType: 'Explosions/Remote violence',
		subEventType: 'Remote explosive/landmine/IED',
		weight: 6,
		weapons: { unknown: 1 },
		outcomes: { hit: 0.7, unknown: 0.3 },
		casualties: true,
		text: 'explosion'
	},
	{
		eventType: 'Battles',
		subEventType: 'Armed clash',
		weight: 12,
		weapons: { 'ground assault': 0.9, unknown: 0.1 },
		outcomes: { hit: 0.4, unknown: 0.6 },
		casualties: true,
		text: 'clash'
	},
	{
		eventType: 'Violence against civilians',
		subEventType: 'Attack',
		weight: 5,
		weapons: { 'ground assault': 0.6, drone: 0.1, unknown: 0.3 },
		outcomes: { hit: 0.7, unknown: 0.3 },
		casualties: true,
		text: 'civilians'
	},
	{
		eventType: 'Strategic developments',
		subEventType: 'Disrupted weapons use',
		weight: 15,
		weapons: { drone: 0.6, rocket: 0.35, unknown: 0.05 },
		outcomes: { intercepted: 1 },
		casualties: false,
		text: 'intercept'
	},
	{
		eventType: 'Strategic developments',
		subEventType: 'Headquarters or base established',
		weight: 6,
		weapons: NO_WEAPON,
		outcomes: NOT_AN_ATTACK,
		casualties: false,
		text: 'other'
	},
	{
		eventType: 'Strategic developments',
		subEventType: 'Looting/property destruction',
		weight: 4,
		weapons: NO_WEAPON,
		outcomes: NOT_AN_ATTACK,
		casualties: false,
		text: 'other'
	}
];

/** "unknown" goes with the actor "Unknown" (and only with it), as the codebook says. */
export const CERTAINTY = { stated: 0.55, suspected: 0.35, unknown: 0.1 };

/** ACLED time precision: 1 = day, 2 = week, 3 = month. */
export const TIME_PRECISION = { 1: 0.85, 2: 0.1, 3: 0.05 };

/** How many reports cite an incident. */
export const SOURCES_PER_INCIDENT = { 1: 0.7, 2: 0.25, 3: 0.05 };

/**
 * The calendar: `years` years up to the latest report's publication date
 * (no incident may postdate the report that first cites it), and how
 * clustered the incidents are.
 */
export const CALENDAR = {
	years: 8,
	/** Weeks that take most incidents (ranked by a Zipf law), and the share they take. */
	hotWeeks: 60,
	hotShare: 0.7
};
