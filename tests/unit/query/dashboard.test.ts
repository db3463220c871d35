import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateQuery, AGGREGATES, type AggregateName } from '../../../src/lib/query/aggregates';
import { dashboardQuery, splitDashboard } from '../../../src/lib/query/dashboard';
import { buildFacts } from '../../../src/lib/query/facts';
import type { Filters } from '../../../src/lib/query/filters';
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
const CASES: Filters[] = [
	{},
	{ all: true },
	{ actor: topActor },
	{ from: someDate },
	{ to: someDate, all: true },
	{ q: 'strike' },
	{ side: 'coalition', weapon: 'drone' },
	{ actor: "it's; DROP TABLE incidents; --" }
];

async function pass(f: Filters) {
	return splitDashboard(await conn.query(dashboardQuery(f)));
}

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

	it.each(CASES)('chart aggregates equal a recount for %o', async (f) => {
		const rows = matching(all, f);
		const d = await pass(f);
		const counts = <T extends { n: number }>(xs: T[], key: (r: T) => string) =>
			Object.fromEntries(xs.map((r) => [key(r), r.n]));
		expect(counts(d.byActor, (r) => r.actor)).toEqual(countBy(rows, (x) => x.actor));
		expect(counts(d.byTarget, (r) => r.target)).toEqual(countBy(rows, (x) => x.target));
		expect(counts(d.byWeapon, (r) => r.weapon)).toEqual(countBy(rows, (x) => x.weapon));
		expect(counts(d.byOutcome, (r) => r.outcome)).toEqual(countBy(rows, (x) => x.outcome));
		expect(counts(d.byPlace, (r) => r.place)).toEqual(countBy(rows, (x) => x.place));
		expect(counts(d.byWeek, (r) => `${r.week} ${r.side}`)).toEqual(
			countBy(rows, (x) => `${monday(x.row.event_date!)} ${x.side}`)
		);
		expect(counts(d.byWeekActor, (r) => `${r.week} ${r.actor}`)).toEqual(
			countBy(rows, (x) => `${monday(x.row.event_date!)} ${x.actor}`)
		);
	});

	it('gives the same numbers as each aggregate run on its own', async () => {
		const f: Filters = { all: true };
		const single = await conn.query<Record<string, unknown>>(dashboardQuery(f));
		for (const name of Object.keys(AGGREGATES) as AggregateName[]) {
			if (name === 'sources') continue;
			const alone = await conn.query<{ n: number }>(aggregateQuery(name, f));
			const total = alone.reduce((s, r) => s + r.n, 0);
			const fromPass = splitDashboard(single);
			const part = name === 'headline' ? [fromPass.headline] : fromPass[name];
			expect(
				part.reduce((s, r) => s + r.n, 0),
				name
			).toBe(total);
			expect(part.length, name).toBe(alone.length);
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
		const d = await pass({ actor: 'nobody at all' });
		expect(d.headline).toMatchObject({ n: 0, fatalities: 0, reports: 0, actors: 0 });
		expect(d.byActor).toEqual([]);
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
		expect(opts.actor).toEqual([...new Set(all.map((x) => x.actor))].sort());
		expect(opts.place).toEqual([...new Set(all.map((x) => x.place))].sort());
		expect(opts.side).toEqual([...new Set(all.map((x) => x.side))].sort());
	});
});
