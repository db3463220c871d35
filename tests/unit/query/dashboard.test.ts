import { beforeAll, describe, expect, it } from 'vitest';
import { PANEL_AGGREGATES } from '../../../src/lib/dashboard/registry';
import { aggregateQuery } from '../../../src/lib/query/aggregates';
import { dashboardQuery, splitDashboard, withHeadline } from '../../../src/lib/query/dashboard';
import { buildFacts } from '../../../src/lib/query/facts';
import { withoutKeys, type Filters } from '../../../src/lib/query/filters';
import { incidentDetail, incidentPage } from '../../../src/lib/query/incidents';
import { shippedConnector, type NodeConnector } from '../support/node-connector';
import { countBy, csv, facts, matching, monday, type Fact } from './recount';

let conn: NodeConnector;
const all: Fact[] = facts();
beforeAll(async () => {
	conn = await shippedConnector();
	await conn.exec(buildFacts());
});

const topActor = Object.entries(countBy(matching(all, {}), (x) => x.actor)).sort(
	(a, b) => b[1] - a[1]
)[0]?.[0];
const someDate = all[0]?.row.event_date ?? '2020-01-01';
const SPECS = withHeadline(PANEL_AGGREGATES);
const byName = (n: string) => SPECS.find((s) => s.name === n)!;
const CASES: Filters[] = [
	{},
	{ all: true },
	{ actor: { values: [topActor!] } },
	{ from: someDate },
	{ to: someDate, all: true },
	{ q: 'strike' },
	{ side: { values: ['coalition'] }, weapon: { values: ['drone'] } },
	{ actor: { values: ["it's; DROP TABLE incidents; --"] } },
	// Multi-select and exclusion, against the plain JS recount.
	{ weapon: { values: ['drone', 'unknown'] }, all: true },
	{ actor: { values: [topActor!], exclude: true }, place: { values: ['nowhere'], exclude: true } },
	{
		side: { values: ['coalition', 'Iran-aligned'] },
		outcome: { values: ['unknown'], exclude: true }
	}
];

async function pass(f: Filters) {
	return splitDashboard(await conn.query(dashboardQuery(f, SPECS)), SPECS);
}
/** The incidents an aggregate counts: the filters without its own panel's selection (cross-filter). */
const rowsFor = (name: string, f: Filters) => matching(all, withoutKeys(f, byName(name).omit));

describe('dashboard single pass', () => {
	it.each(CASES)('headline figures equal a recount of data/incidents.csv for %o', async (f) => {
		const rows = matching(all, f);
		const { headline } = await pass(f);
		const sum = (k: string) => rows.reduce((s, r) => s + Number(r.row[k] || 0), 0);
		const dates = rows.map((r) => r.row.event_date!).sort();
		const reports = new Set(
			rows.flatMap((r) => (r.row.source_ids ?? '').split(';').map((s) => s.trim())).filter(Boolean)
		);
		expect(headline).toMatchObject({
			n: rows.length,
			attacks: rows.filter((r) => r.attack).length,
			fatalities: sum('fatalities'),
			injuries: sum('injuries'),
			actors: new Set(rows.map((r) => r.actor)).size,
			reports: reports.size,
			first: dates[0] ?? null,
			last: dates.at(-1) ?? null
		});
	});

	it.each(CASES)(
		'chart aggregates equal a recount, each without its own selection, for %o',
		async (f) => {
			const d = await pass(f);
			const counts = <T extends { n: number }>(xs: T[], key: (r: T) => string) =>
				Object.fromEntries(xs.map((r) => [key(r), r.n]));
			const by = (name: string, key: (x: Fact) => string) => countBy(rowsFor(name, f), key);
			expect(counts(d.byActor, (r) => r.actor)).toEqual(by('byActor', (x) => x.actor));
			expect(counts(d.byTarget, (r) => r.target)).toEqual(by('byTarget', (x) => x.target));
			expect(counts(d.byWeapon, (r) => r.weapon)).toEqual(by('byWeapon', (x) => x.weapon));
			expect(counts(d.byOutcome, (r) => r.outcome)).toEqual(by('byOutcome', (x) => x.outcome));
			expect(counts(d.byPlace, (r) => r.place)).toEqual(by('byPlace', (x) => x.place));
			expect(counts(d.byWeek, (r) => `${r.week} ${r.side}`)).toEqual(
				by('byWeek', (x) => `${monday(x.row.event_date!)} ${x.side}`)
			);
			expect(counts(d.byWeekActor, (r) => `${r.week} ${r.actor}`)).toEqual(
				by('byWeekActor', (x) => `${monday(x.row.event_date!)} ${x.actor}`)
			);
		}
	);

	it("keeps a clicked panel's bars: its own selection does not filter it, the others' do", async () => {
		const f: Filters = { weapon: { values: ['drone'] }, actor: { values: [topActor!] } };
		const d = await pass(f);
		// The weapon chart still lists every weapon the actor used, the actor chart every actor using drones.
		expect(d.byWeapon.map((r) => r.weapon).sort()).toEqual(
			[...new Set(matching(all, { actor: f.actor }).map((x) => x.weapon))].sort()
		);
		expect(d.byActor.map((r) => r.actor).sort()).toEqual(
			[...new Set(matching(all, { weapon: f.weapon }).map((x) => x.actor))].sort()
		);
		expect(d.headline.n).toBe(matching(all, f).length);
	});

	it('gives the same numbers as each aggregate run on its own', async () => {
		const f: Filters = { all: true, weapon: { values: ['drone'] } };
		const fromPass = await pass(f);
		for (const spec of SPECS) {
			if (spec.name === 'sources' || spec.name === 'actorCount') continue;
			const alone = await conn.query<{ n: number }>(aggregateQuery(spec, f));
			const total = alone.reduce((s, r) => s + r.n, 0);
			const part = (spec.name === 'headline' ? [fromPass.headline] : fromPass[spec.name]) as {
				n: number;
			}[];
			expect(
				part.reduce((s, r) => s + r.n, 0),
				spec.name
			).toBe(total);
			expect(part.length, spec.name).toBe(alone.length);
		}
	});

	it('labels places with their names and coordinates from places.csv', async () => {
		const { byPlace } = await pass({ all: true });
		const places = new Map(csv('places').map((p) => [p.place_id!, p]));
		for (const p of byPlace) {
			const src = places.get(p.place);
			expect(p.place_en).toBe(src?.name_en ?? null);
			if (src) expect(p.latitude).toBeCloseTo(Number(src.latitude), 6);
		}
	});

	it('returns zeros, not an error, when nothing matches', async () => {
		const d = await pass({ actor: { values: ['nobody at all'] } });
		expect(d.headline).toMatchObject({ n: 0, fatalities: 0, reports: 0, actors: 0 });
		expect(d.byWeapon).toEqual([]);
	});
});

describe('incident list', () => {
	it('pages through the filtered incidents sorted, without overlap', async () => {
		const rows = matching(all, { all: true });
		const seen: string[] = [];
		for (let offset = 0; offset < rows.length; offset += 7) {
			const page = await conn.query<{ incident_id: string; event_date: string }>(
				incidentPage({ all: true }, { sort: 'event_date', desc: true, limit: 7, offset })
			);
			seen.push(...page.map((r) => r.incident_id));
		}
		expect(seen.length).toBe(rows.length);
		expect(new Set(seen).size).toBe(rows.length);
	});

	it('keeps the facts newest first, the order the list asks for by default', async () => {
		const stored = await conn.query<{ event_date: string; incident_id: string }>(
			'SELECT event_date, incident_id FROM dash_facts'
		);
		const sorted = [...stored].sort(
			(a, b) =>
				(b.event_date ?? '').localeCompare(a.event_date ?? '') ||
				b.incident_id.localeCompare(a.incident_id)
		);
		expect(stored.map((r) => r.incident_id)).toEqual(sorted.map((r) => r.incident_id));
	});

	it("names each row's place from the gazetteer", async () => {
		const names = new Map(csv('places').map((p) => [p.place_id!, p.name_en!]));
		const page = await conn.query<{ place: string; place_name: string }>(
			incidentPage({ all: true }, { sort: 'event_date', desc: false, limit: 100, offset: 0 })
		);
		expect(page.length).toBe(all.length);
		for (const r of page) expect(r.place_name).toBe(names.get(r.place));
	});

	it('details an incident with its cited reports in citation order', async () => {
		const first = csv('incidents')[0]!;
		const [d] = await conn.query<{ reports: { report_id: string }[]; evidence: string }>(
			incidentDetail(first.incident_id!)
		);
		expect(d?.evidence).toBe(first.evidence);
		expect(d?.reports.map((r) => r.report_id)).toEqual(
			first.source_ids!.split(';').map((s) => s.trim())
		);
	});
});

describe('filter options', () => {
	it('lists every value of every dimension once', async () => {
		const { filterOptions, splitOptions } = await import('../../../src/lib/query/options');
		const opts = splitOptions(await conn.query(filterOptions()));
		const values = (d: keyof typeof opts) => opts[d].map((o) => o.value).sort();
		expect(values('actor')).toEqual([...new Set(all.map((x) => x.actor))].sort());
		expect(values('place')).toEqual([...new Set(all.map((x) => x.place))].sort());
		expect(values('side')).toEqual([...new Set(all.map((x) => x.side))].sort());
	});

	it('names places by their gazetteer name, not their id', async () => {
		const { filterOptions, splitOptions } = await import('../../../src/lib/query/options');
		const opts = splitOptions(await conn.query(filterOptions()));
		const names = new Map(csv('places').map((p) => [p.place_id!, p.name_en!]));
		for (const o of opts.place) expect(o.label).toBe(names.get(o.value) ?? o.value);
		expect(opts.place.some((o) => o.label !== o.value)).toBe(true);
	});

	it('gives actors, targets and places their Arabic name from the companion tables', async () => {
		const { filterOptions, splitOptions } = await import('../../../src/lib/query/options');
		const opts = splitOptions(await conn.query(filterOptions()));
		const arabic = (table: string, key: string) =>
			new Map(csv(table).map((r) => [r[key]!, r.name_ar || undefined]));
		const cases = [
			['actor', arabic('actors', 'actor')],
			['target', arabic('targets', 'target')],
			['place', arabic('places', 'place_id')]
		] as const;
		for (const [dim, names] of cases) {
			for (const o of opts[dim]) expect(o.labelAr, `${dim} ${o.value}`).toBe(names.get(o.value));
			expect(
				opts[dim].some((o) => o.labelAr),
				dim
			).toBe(true);
		}
		// Vocabulary values take their Arabic label from the catalogue, not from the data.
		expect(opts.weapon.every((o) => o.labelAr === undefined)).toBe(true);
	});
});
