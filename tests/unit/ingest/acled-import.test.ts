import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { parseFile } from '../../../src/lib/ingest/pipeline';
import { validateTable } from '../../../src/lib/ingest/validate';
import type { Known, ParseOptions, ParseSummary } from '../../../src/lib/ingest/types';
import { synthEvents, writeLayout, type Layout } from '../../../bench/lib/acled-layouts';

const table = (name: string) =>
	Papa.parse<Record<string, string>>(readFileSync(`data/${name}.csv`, 'utf8').trim(), {
		header: true
	}).data;
const places = table('places');
const KNOWN: Known = {
	actors: table('actors').map((a) => a.actor!),
	targets: table('targets').map((t) => t.target!),
	places: places.map((p) => p.place_id!),
	reports: table('reports').map((r) => r.report_id!),
	placeNames: places.map((p) => [p.name_en!, p.place_id!] as [string, string]),
	placeAdmin1: places.map((p) => [p.place_id!, p.admin1!] as [string, string]),
	targetTypes: [],
	reportMeta: []
};

const EVENTS = synthEvents(60, 7);
const parse = (layout: Layout, options: ParseOptions = {}, name = `acled-${layout}.csv`) =>
	parseFile(
		new File([writeLayout(EVENTS, layout)], name),
		{ known: KNOWN, today: '2026-11-29', ...options },
		validateTable
	);
const storedColumn = async (s: ParseSummary, column: string) => {
	const rows = Papa.parse<string[]>((await s.output!.text()).trim()).data;
	const i = rows[0]!.indexOf(column);
	return rows.slice(1).map((r) => r[i]!);
};

describe('importing an ACLED export', () => {
	for (const layout of ['classic', 'excel', 'numeric', '2024', 'monadic'] as const)
		it(`reads every event of the ${layout} layout, with ISO dates and the file as its dataset`, async () => {
			const s = await parse(layout);
			expect(s.issues.filter((i) => i.severity === 'error')).toEqual([]);
			expect(s.kind).toBe('incidents');
			expect(s.origin).toBe('acled');
			expect(s.rows).toBe(EVENTS.length);
			// By id: a monadic file's one-actor events are written after the folded ones.
			const ids = await storedColumn(s, 'incident_id');
			const dates = await storedColumn(s, 'event_date');
			expect(new Map(ids.map((id, i) => [id, dates[i]]))).toEqual(
				new Map(EVENTS.map((e) => [e.id, e.date]))
			);
			expect(ids).toHaveLength(EVENTS.length);
			expect(new Set(await storedColumn(s, 'dataset'))).toEqual(new Set([`acled-${layout}`]));
			if (layout !== 'classic' && layout !== '2024')
				expect(s.notes).toContainEqual(expect.objectContaining({ key: 'dates' }));
		});

	it('folds a monadic export into one event per id, actor2 from the second row, and says so', async () => {
		const s = await parse('monadic');
		const two = EVENTS.filter((e) => e.actor2);
		expect(s.notes).toContainEqual({
			key: 'monadic',
			events: EVENTS.length,
			rows: EVENTS.length + two.length
		});
		const ids = await storedColumn(s, 'incident_id');
		const at = (column: string) =>
			storedColumn(s, column).then((v) => new Map(ids.map((id, i) => [id, v[i]])));
		expect(await at('actor2')).toEqual(new Map(EVENTS.map((e) => [e.id, e.actor2])));
		expect(await at('inter2')).toEqual(
			new Map(EVENTS.map((e) => [e.id, e.actor2 ? String(e.inter2) : '']))
		);
	});

	it('folds the rows of an event wherever they are in the file, and refuses a third', async () => {
		const [header, ...rows] = writeLayout(EVENTS, 'monadic').trimEnd().split('\n');
		// Second rows moved to the end, as an export sorted by another column would put them.
		const id = (line: string) => line.split(',')[2];
		const seen = new Set<string>();
		const firsts: string[] = [];
		const seconds: string[] = [];
		for (const r of rows) {
			if (seen.has(id(r)!)) seconds.push(r);
			else firsts.push(r);
			seen.add(id(r)!);
		}
		const text = [header, ...firsts, ...seconds].join('\n') + '\n';
		const s = await parseFile(
			new File([text], 'scattered.csv'),
			{ known: KNOWN, today: '2026-11-29' },
			validateTable
		);
		expect(s.errors).toBe(0);
		expect(s.rows).toBe(EVENTS.length);
		const stored = await storedColumn(s, 'actor2');
		const ids = await storedColumn(s, 'incident_id');
		const byId = new Map(ids.map((id, i) => [id, stored[i]]));
		expect(EVENTS.map((e) => byId.get(e.id))).toEqual(EVENTS.map((e) => e.actor2));
		const third = [header, ...rows, seconds[0]!].join('\n') + '\n';
		const t = await parseFile(
			new File([third], 'third.csv'),
			{ known: KNOWN, today: '2026-11-29' },
			validateTable
		);
		expect(t.issues).toContainEqual(
			expect.objectContaining({
				row: rows.length + 2,
				column: 'event_id_cnty',
				code: 'monadic-third-row',
				params: { first: expect.any(Number) }
			})
		);
	});

	it('settles numeric day/month order from the whole column, naming the row that proves it', async () => {
		const s = await parse('numeric');
		const note = s.notes.find((n) => n.key === 'dates');
		expect(note).toMatchObject({ order: 'dmy' });
		const proof = EVENTS.findIndex((e) => Number(e.date.slice(8)) > 12) + 2;
		expect(note).toMatchObject({ proof });
	});

	it('asks for the order when no date settles it, and reads it as chosen', async () => {
		const early = synthEvents(40, 3).map((e) => ({
			...e,
			date: e.date.slice(0, 8) + '0' + (1 + (Number(e.date.slice(9)) % 9))
		}));
		const file = () => new File([writeLayout(early, 'numeric')], 'ask.csv');
		const s = await parseFile(file(), { known: KNOWN, today: '2026-11-29' }, validateTable);
		expect(s.dateQuestion).toMatchObject({ decision: 'ask', count: 40 });
		expect(s.errors).toBeGreaterThan(0);
		const chosen = await parseFile(
			file(),
			{ known: KNOWN, today: '2026-11-29', dateOrder: 'mdy' },
			validateTable
		);
		expect(chosen.errors).toBe(0);
		expect(chosen.dateQuestion).toBeUndefined();
	});

	it('matches "Al Mayadin" to Raqib\'s Al-Mayadin and makes new places from the file', async () => {
		const s = await parse('classic');
		expect(s.placeMatches).toContainEqual(
			expect.objectContaining({ value: 'Al Mayadin', id: 'mayadin', name: 'Al-Mayadin' })
		);
		const kabul = s.newPlaces.find((p) => p.name_en === 'Kabul')!;
		expect(kabul).toMatchObject({
			place_id: 'kabul',
			latitude: '34.5167',
			longitude: '69.1833',
			admin1: 'Kabul',
			country: 'Afghanistan',
			geo_precision: '1'
		});
		expect(s.unknown.filter((u) => u.table === 'places')).toEqual([]);
		const ids = await storedColumn(s, 'place_id');
		EVENTS.forEach((e, i) => {
			if (e.location === 'Al Mayadin') expect(ids[i]).toBe('mayadin');
			if (e.location === 'Kabul') expect(ids[i]).toBe('kabul');
		});
		// Refused, the match becomes a place of its own.
		const refused = await parse('classic', { rejectPlaces: ['Al Mayadin'] });
		expect(refused.placeMatches.map((m) => m.value)).not.toContain('Al Mayadin');
		expect(refused.newPlaces.find((p) => p.name_en === 'Al Mayadin')?.place_id).toBe('al-mayadin');
	});

	it('matches an actor written another way to the one Raqib has, for confirmation', async () => {
		// Raqib has "SDF"; a file writes "sdf", which is the same name once case is set aside.
		const events = synthEvents(6, 9).map((e, i) =>
			i < 2 ? { ...e, actor1: 'sdf', inter1: 2 } : e
		);
		const file = () => new File([writeLayout(events, 'classic')], 'sdf.csv');
		const s = await parseFile(file(), { known: KNOWN, today: '2026-11-29' }, validateTable);
		expect(s.actorMatches).toEqual([{ value: 'sdf', id: 'SDF', name: 'SDF', row: 2, count: 2 }]);
		expect((await storedColumn(s, 'actor1')).slice(0, 2)).toEqual(['SDF', 'SDF']);
		expect(s.unknown.map((u) => u.value)).not.toContain('sdf');
		const refused = await parseFile(
			file(),
			{ known: KNOWN, today: '2026-11-29', rejectActors: ['sdf'] },
			validateTable
		);
		expect(refused.actorMatches).toEqual([]);
		expect((await storedColumn(refused, 'actor1')).slice(0, 2)).toEqual(['sdf', 'sdf']);
		expect(refused.unknown).toContainEqual(
			expect.objectContaining({ table: 'actors', value: 'sdf' })
		);
	});

	it('lists new actors with the inter code the file gives them', async () => {
		const s = await parse('2024');
		expect(s.unknown).toContainEqual(
			expect.objectContaining({ table: 'actors', value: 'Islamic State (Syria)', inter: 2 })
		);
		expect(s.unknown).toContainEqual(
			expect.objectContaining({
				table: 'actors',
				value: 'Synthetic Tribe A',
				inter: expect.any(Number)
			})
		);
	});

	it('reports a last row cut short by row number, and loads the rest when told to skip it', async () => {
		const s = await parse('truncated');
		const last = EVENTS.length + 1;
		expect(s.issues.filter((i) => i.severity === 'error')).toEqual([
			expect.objectContaining({ row: last, code: 'cut-short' })
		]);
		const skipped = await parse('truncated', { skipInvalid: true });
		expect(skipped.rows).toBe(EVENTS.length - 1);
		expect(skipped.fileErrors).toBe(0);
		expect(skipped.skipped?.rows).toBe(1);
		const text = await skipped.skipped!.output.text();
		expect(text.split('\n')[0]).toContain('event_id_cnty');
		expect(text).toContain(EVENTS.at(-1)!.id);
		expect(await storedColumn(skipped, 'incident_id')).toEqual(
			EVENTS.slice(0, -1).map((e) => e.id)
		);
	});
});
