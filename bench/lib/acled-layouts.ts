/**
 * Seeded synthetic events in ACLED's export layouts, for tests and the
 * benchmark only (ACLED's own data may not be redistributed, so fixtures are
 * generated in its layout instead). Every note says SYNTHETIC; ids are
 * SYR9xxxxxx / AFG9xxxxxx so they cannot be taken for real events.
 *
 * Layouts: 'classic' (31 columns, `21 March 2020`), 'excel' (the classic file
 * re-saved by Excel: `9-May-20`), 'numeric' (Excel's `5/9/2020`, day first),
 * '2024' (no data_id, disorder_type, inter as text, `01 November 2024`),
 * 'monadic' (one row per actor, no actor2 columns) and 'truncated' (classic
 * with CRLF line endings, its last row cut inside a quoted note).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import {
	ACLED_2024_COLUMNS,
	ACLED_CLASSIC_COLUMNS,
	DISORDER_TYPE,
	INTER_TEXT,
	interactionCode
} from '../../src/lib/schema/acled';
import type { EventType } from '../../src/lib/schema/vocab';
import { rng } from './random';

export type Layout = 'classic' | 'excel' | 'numeric' | '2024' | 'monadic' | 'truncated';

/** One synthetic event as the file holds it (ISO date; the layout decides how it is written). */
export interface SynthEvent {
	id: string;
	date: string;
	eventType: EventType;
	subEventType: string;
	actor1: string;
	inter1: number;
	actor2: string;
	inter2: number;
	assoc1: string;
	country: string;
	admin1: string;
	admin2: string;
	location: string;
	latitude: string;
	longitude: string;
	fatalities: number;
}

interface Country {
	country: string;
	iso: number;
	iso3: string;
	region: string;
	/** admin1, admin2, location, latitude, longitude */
	places: readonly (readonly [string, string, string, string, string])[];
	actors: readonly (readonly [string, number])[];
}

const COUNTRIES: readonly Country[] = [
	{
		country: 'Syria',
		iso: 760,
		iso3: 'SYR',
		region: 'Middle East',
		// "Al Mayadin" is Raqib's "Al-Mayadin" written ACLED's way: it must match, not duplicate.
		places: [
			['Deir ez-Zor', 'Al Mayadin', 'Al Mayadin', '35.0183', '40.4533'],
			['Deir ez-Zor', 'Abu Kamal', 'Hajin', '34.6931', '40.8486'],
			['Deir ez-Zor', 'Deir ez-Zor', 'Synthetic Village One', '35.3001', '40.1102'],
			['Hasakeh', 'Hasakeh', 'Synthetic Village Two', '36.5123', '40.7456']
		],
		actors: [
			['Military Forces of Syria (2000-)', 1],
			['Islamic State (Syria)', 2],
			['Unidentified Armed Group (Syria)', 3],
			['Civilians (Syria)', 7]
		]
	},
	{
		country: 'Afghanistan',
		iso: 4,
		iso3: 'AFG',
		region: 'Caucasus and Central Asia',
		places: [
			['Kabul', 'Kabul', 'Kabul', '34.5167', '69.1833'],
			['Kandahar', 'Kandahar', 'Synthetic Qala', '31.6133', '65.7101'],
			['Balkh', 'Mazar-e Sharif', 'Synthetic Deh', '36.7090', '67.1109']
		],
		actors: [
			['Synthetic Police Forces (Afghanistan)', 1],
			['Synthetic Rebel Front', 2],
			['Civilians (Afghanistan)', 7]
		]
	}
];

const TYPES: [EventType, string][] = [
	['Battles', 'Armed clash'],
	['Explosions/Remote violence', 'Air/drone strike'],
	['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
	['Violence against civilians', 'Attack'],
	['Protests', 'Peaceful protest'],
	['Strategic developments', 'Disrupted weapons use']
];

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** `n` events from `seed`, dated in 2019–2024. */
export function synthEvents(n: number, seed: number): SynthEvent[] {
	return [...eachEvent(n, seed)];
}

/** The same events one at a time (a million do not fit in one string). */
export function* eachEvent(n: number, seed: number): Generator<SynthEvent> {
	const r = rng(seed);
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
	const start = Date.UTC(2019, 0, 1);
	for (let i = 0; i < n; i++) {
		const c = pick(COUNTRIES);
		const [admin1, admin2, location, latitude, longitude] = pick(c.places);
		const [eventType, subEventType] = pick(TYPES);
		const [actor1, inter1] = pick(c.actors);
		const two = eventType !== 'Protests' && eventType !== 'Strategic developments';
		const [actor2, inter2] = two ? pick(c.actors.filter((a) => a[0] !== actor1)) : ['', 0];
		yield {
			id: `${c.iso3}9${String(i + 1).padStart(6, '0')}`,
			date: new Date(start + Math.floor(r() * 2190) * 864e5).toISOString().slice(0, 10),
			eventType,
			subEventType,
			actor1,
			inter1,
			actor2,
			inter2,
			assoc1: r() < 0.2 ? 'Synthetic Tribe A; Synthetic Tribe B' : '',
			country: c.country,
			admin1,
			admin2,
			location,
			latitude,
			longitude,
			fatalities: Math.floor(r() * 4)
		} satisfies SynthEvent;
	}
}

const day = (iso: string) => Number(iso.slice(8, 10));
const month = (iso: string) => Number(iso.slice(5, 7));

/** How each layout writes a date. */
function writeDate(iso: string, layout: Layout): string {
	const y = iso.slice(0, 4);
	const name = MONTHS[month(iso) - 1]!;
	if (layout === 'excel') return `${day(iso)}-${name.slice(0, 3)}-${y.slice(2)}`;
	if (layout === 'numeric') return `${day(iso)}/${month(iso)}/${y}`;
	// ACLED's own style, both layouts: `01 November 2024`.
	return `${iso.slice(8, 10)} ${name} ${y}`;
}

function country(e: SynthEvent) {
	return COUNTRIES.find((c) => c.country === e.country)!;
}

/** The cells of one event under `columns` (2024 writes inter codes as text). */
function cells(e: SynthEvent, layout: Layout, columns: readonly string[], i: number): string[] {
	const c = country(e);
	const text = layout === '2024';
	const inter = (code: number) => (text ? INTER_TEXT[code]! : String(code));
	const v: Record<string, string> = {
		data_id: String(9_000_000 + i),
		iso: String(c.iso),
		event_id_cnty: e.id,
		event_id_no_cnty: String(i + 1),
		event_date: writeDate(e.date, layout),
		year: e.date.slice(0, 4),
		time_precision: '1',
		disorder_type: DISORDER_TYPE[e.eventType],
		event_type: e.eventType,
		sub_event_type: e.subEventType,
		actor1: e.actor1,
		assoc_actor_1: e.assoc1,
		inter1: inter(e.inter1),
		actor2: e.actor2,
		assoc_actor_2: '',
		inter2: e.inter2 ? inter(e.inter2) : text ? '' : '0',
		interaction: interactionCode(e.inter1, e.inter2),
		civilian_targeting: e.eventType === 'Violence against civilians' ? 'Civilian targeting' : '',
		region: c.region,
		country: e.country,
		admin1: e.admin1,
		admin2: e.admin2,
		admin3: '',
		location: e.location,
		latitude: e.latitude,
		longitude: e.longitude,
		geo_precision: '1',
		source: 'Synthetic Wire; Synthetic Daily',
		source_scale: 'National',
		notes: `SYNTHETIC event ${i + 1}, not a real report: ${e.eventType.toLowerCase()} near ${e.location}.`,
		fatalities: String(e.fatalities),
		tags: '',
		timestamp: String(1_700_000_000 + i),
		iso3: c.iso3
	};
	return columns.map((k) => v[k] ?? '');
}

const MONADIC_DROP = new Set(['actor2', 'assoc_actor_2', 'inter2']);

/** The columns of a layout's header. */
export function layoutColumns(layout: Layout): readonly string[] {
	if (layout === '2024') return ACLED_2024_COLUMNS;
	if (layout === 'monadic') return ACLED_CLASSIC_COLUMNS.filter((c) => !MONADIC_DROP.has(c));
	return ACLED_CLASSIC_COLUMNS;
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/**
 * The file text of `events` in `layout`. The monadic layout writes a second
 * row (the same event with actor2 as its actor) for every event with two
 * actors. 'truncated' ends inside the last row's quoted note, without a line
 * break, as an interrupted download does.
 */
export function writeLayout(events: readonly SynthEvent[], layout: Layout): string {
	const columns = layoutColumns(layout);
	const eol = layout === 'truncated' ? '\r\n' : '\n';
	const lines = [columns.join(',')];
	events.forEach((e, i) => {
		lines.push(cells(e, layout, columns, i).map(quote).join(','));
		if (layout === 'monadic' && e.actor2)
			lines.push(
				cells({ ...e, actor1: e.actor2, inter1: e.inter2, assoc1: '' }, layout, columns, i)
					.map(quote)
					.join(',')
			);
	});
	if (layout !== 'truncated') return lines.join(eol) + eol;
	const last = lines.pop()!;
	return lines.join(eol) + eol + last.slice(0, last.indexOf('SYNTHETIC') + 20);
}

/**
 * Write `n` events of `seed` in `layout` to `path`, streaming (the benchmark's
 * million-event file). Returns the bytes written.
 */
export async function writeLayoutFile(
	path: string,
	n: number,
	seed: number,
	layout: Exclude<Layout, 'monadic' | 'truncated'> = 'classic'
): Promise<number> {
	const out = createWriteStream(path);
	const columns = layoutColumns(layout);
	let bytes = 0;
	let chunk = columns.join(',') + '\n';
	let i = 0;
	for (const e of eachEvent(n, seed)) {
		chunk += cells(e, layout, columns, i++).map(quote).join(',') + '\n';
		if (chunk.length > 1 << 20) {
			bytes += Buffer.byteLength(chunk);
			if (!out.write(chunk)) await once(out, 'drain');
			chunk = '';
		}
	}
	bytes += Buffer.byteLength(chunk);
	out.end(chunk);
	await once(out, 'finish');
	return bytes;
}
