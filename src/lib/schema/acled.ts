/**
 * ACLED's export layouts and value conventions, declared once. Facts about
 * ACLED's format (column names, order, codes) come from ACLED's public codebook
 * and export files; Raqib only stores and checks them. Pure constants and
 * small pure functions: no imports beyond the vocabularies.
 */
import { ACLED_INTER, EVENT_TYPES, type EventType, type Side } from './vocab';

/** The classic ("dyadic") export: 31 columns in this order. */
export const ACLED_CLASSIC_COLUMNS = [
	'data_id',
	'iso',
	'event_id_cnty',
	'event_id_no_cnty',
	'event_date',
	'year',
	'time_precision',
	'event_type',
	'sub_event_type',
	'actor1',
	'assoc_actor_1',
	'inter1',
	'actor2',
	'assoc_actor_2',
	'inter2',
	'interaction',
	'region',
	'country',
	'admin1',
	'admin2',
	'admin3',
	'location',
	'latitude',
	'longitude',
	'geo_precision',
	'source',
	'source_scale',
	'notes',
	'fatalities',
	'timestamp',
	'iso3'
] as const;

/** The 2024 export: no data_id / event_id_no_cnty / iso3; adds disorder_type, civilian_targeting, tags; inter codes as text. */
export const ACLED_2024_COLUMNS = [
	'event_id_cnty',
	'event_date',
	'year',
	'time_precision',
	'disorder_type',
	...ACLED_CLASSIC_COLUMNS.slice(7, 16), // event_type … interaction
	'civilian_targeting',
	'iso',
	...ACLED_CLASSIC_COLUMNS.slice(16, 29), // region … fatalities
	'tags',
	'timestamp'
] as const;

export type AcledColumn =
	(typeof ACLED_CLASSIC_COLUMNS)[number] | (typeof ACLED_2024_COLUMNS)[number];

/** Every ACLED column of either layout, classic order with the 2024 additions where 2024 puts them. */
export const ACLED_ALL_COLUMNS: readonly AcledColumn[] = [
	...ACLED_CLASSIC_COLUMNS.slice(0, 7),
	'disorder_type',
	...ACLED_CLASSIC_COLUMNS.slice(7, 16),
	'civilian_targeting',
	...ACLED_CLASSIC_COLUMNS.slice(16, 29),
	'tags',
	...ACLED_CLASSIC_COLUMNS.slice(29)
];

/** Columns an ACLED export always has, whatever its layout (how an upload is recognised as ACLED). */
export const ACLED_SIGNATURE = [
	'event_id_cnty',
	'event_date',
	'event_type',
	'sub_event_type',
	'actor1',
	'country',
	'latitude',
	'longitude'
] as const;

/** The separator ACLED writes between actors in assoc_actor_* and between outlets in source. */
export const ACLED_LIST_JOIN = '; ';

/** The text the 2024 layout writes for each inter code (0: no actor 2). */
export const INTER_TEXT: Readonly<Record<number, string>> = {
	...ACLED_INTER,
	0: ''
};

/**
 * Inter code of a cell written either way: '1' → 1, 'State forces' → 1.
 * Also accepts the 2024 singular 'Political militia' / 'Identity militia' /
 * 'Rebel group' / 'Protester' / 'Rioter' spellings. null when neither.
 */
export function interCode(cell: string): number | null {
	const v = cell.trim();
	if (/^[0-8]$/.test(v)) return Number(v);
	const key = v.toLowerCase().replace(/s$/, '');
	for (const [code, text] of Object.entries(ACLED_INTER))
		if (text.toLowerCase().replace(/s$/, '') === key) return Number(code);
	if (key === 'civilian') return 7;
	if (key === 'external/other force') return 8;
	return null;
}

/** ACLED's interaction code: the two inter codes, lower first ('13', or '10' for one actor). */
export function interactionCode(inter1: number, inter2: number): string {
	const [a, b] = inter2 === 0 ? [inter1, 0] : [Math.min(inter1, inter2), Math.max(inter1, inter2)];
	return `${a}${b}`;
}

/** ACLED's disorder type of an event type (2024 layout). */
export const DISORDER_TYPE: Readonly<Record<EventType, string>> = {
	Battles: 'Political violence',
	'Explosions/Remote violence': 'Political violence',
	'Violence against civilians': 'Political violence',
	Protests: 'Demonstrations',
	Riots: 'Demonstrations',
	'Strategic developments': 'Strategic developments'
};

/** The disorder types the 2024 layout may write (a riot can be both). */
export const DISORDER_TYPES = [
	'Political violence',
	'Demonstrations',
	'Strategic developments',
	'Political violence; Demonstrations'
] as const;

/** ACLED's civilian_targeting flag value (empty otherwise). */
export const CIVILIAN_TARGETING = 'Civilian targeting';

/** The event types (in codebook order) whatever their layout: re-exported for export choosers. */
export const ACLED_EVENT_TYPES: readonly EventType[] = EVENT_TYPES;

/** Inter codes that mark state forces: ACLED reserves 'Headquarters or base established' for others. */
export const STATE_INTER_CODES: readonly number[] = [1, 8];

/** ACLED's iso (numeric), iso3 and region of the countries Raqib's own places lie in: for the export. */
export const COUNTRY_CODES: Readonly<
	Record<string, { iso: number; iso3: string; region: string }>
> = { Syria: { iso: 760, iso3: 'SYR', region: 'Middle East' } };

/**
 * The side Raqib suggests for a new actor of an ACLED import, from its name
 * and inter code; the user can change it before applying. Syrian state forces
 * are 'Syrian government'; other state forces and external forces 'other'
 * (their camp in Deir ez-Zor is not in the code); unidentified groups
 * 'unknown'; everyone else 'other'.
 */
export function suggestSide(actor: string, inter: number | undefined): Side {
	if (/^unidentified\b/i.test(actor)) return 'unknown';
	if (inter === 1 && /\bSyria\b/i.test(actor)) return 'Syrian government';
	return 'other';
}
