import { describe, expect, it } from 'vitest';
import { emergingQuery, type EmergingRow } from '../../../src/lib/query/emerging';
import { trendWindow, type PeriodKind } from '../../../src/lib/query/periods';
import { TREND_RULES, trendLevel } from '../../../src/lib/query/trend-rules';
import {
	coveredPeriods,
	splitTrends,
	trendExtentQuery,
	trendQuery
} from '../../../src/lib/query/trends';
import type { Filters } from '../../../src/lib/query/filters';
import { dashboardQuery, splitDashboard } from '../../../src/lib/query/dashboard';

/** The headline alone (no panel aggregates): what these tests count. */
const HEADLINE_ONLY = [] as const;
import { csv } from './recount';
import { constructedConnector, days, recountTrends, seeded, type Event } from './trend-data';

const admin1 = new Map(csv('places').map((p) => [p.place_id!, p.admin1!]));
const { baselinePeriods, newWeeks } = TREND_RULES;

describe('trend levels on constructed series', () => {
	const level = (now: number, baseTotal: number, year: number, covered = 4) =>
		trendLevel({ now, baseTotal, year, covered });

	it('new: events now, none in the look-back year', () => {
		expect(level(1, 0, 0)).toEqual({ baseline: 0, change: 1, level: 'new' });
		expect(level(5, 0, 0).level).toBe('new');
	});
	it('sharp increase: at least twice the baseline and at least 3 events', () => {
		expect(level(3, 4, 4)).toMatchObject({ baseline: 1, change: 2, level: 'sharp' });
		expect(level(2, 0, 1).level).toBe('increase'); // twice nothing, but under 3 events
		expect(level(7, 16, 16).level).toBe('increase'); // 7 < 2 × 4
		expect(level(8, 16, 16).level).toBe('sharp');
	});
	it('steady within ±20 % of the baseline, else increase or decrease', () => {
		expect(level(5, 20, 30).level).toBe('steady');
		expect(level(6, 20, 30).level).toBe('steady');
		expect(level(4, 20, 30).level).toBe('steady');
		expect(level(3, 20, 30)).toMatchObject({ baseline: 5, change: -2, level: 'decrease' });
		expect(level(0, 1, 9)).toMatchObject({ baseline: 0.25, change: -0.25, level: 'decrease' });
	});
	it('no baseline when the data begins with the reference period', () => {
		expect(level(4, 0, 0, 0)).toEqual({ baseline: null, change: null, level: 'no-baseline' });
	});
	it('averages over the covered baseline periods only', () => {
		expect(level(2, 2, 2, 1)).toMatchObject({ baseline: 2, change: 0, level: 'steady' });
	});
});

/** A seeded series over 2020-10 … 2021-02 (across ISO week 2020-W53) with quiet weeks, a planted spike and a planted newcomer. */
function series(): Event[] {
	const rnd = seeded(15);
	const actors = ['US-led coalition', 'SDF', 'Iran-backed militias'];
	const places = ['mayadin', 'al-omar-oil-field', 'hatla', 'qamishli-airport', 'nowhere-listed'];
	const weapons = ['drone', 'rocket', 'airstrike'];
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
	const out: Event[] = [];
	for (const date of days('2020-10-01', '2021-02-10')) {
		// Whole weeks without any event: 2020-11-16 … 2020-11-29.
		if (date >= '2020-11-16' && date <= '2020-11-29') continue;
		if (rnd() < 0.35)
			out.push({
				date,
				actor: pick(actors),
				target: pick(['Base A', 'Base B']),
				place: pick(places),
				weapon: pick(weapons),
				attack: rnd() > 0.15
			});
	}
	// A spike at Hatla in week 2021-W01, and a newcomer there and then.
	for (const date of ['2021-01-04', '2021-01-05', '2021-01-06', '2021-01-07', '2021-01-09'])
		out.push({ date, actor: 'SDF', target: 'Base A', place: 'hatla', weapon: 'rocket' });
	out.push({
		date: '2021-01-08',
		actor: 'Newcomers',
		target: 'Base C',
		place: 'ayyash',
		weapon: 'ied'
	});
	return out;
}

describe('trend builder against a plain JS recount', async () => {
	const events = series();
	const conn = await constructedConnector(events);
	const cases: [string, PeriodKind, Filters][] = [
		['2021-01-04', 'week', {}],
		['2020-12-28', 'week', {}], // the reference week is 2020-W53
		['2020-11-23', 'week', {}], // a week with no events at all
		['2021-01-04', 'week', { all: true }],
		['2021-01-04', 'week', { actor: { values: ['SDF'] }, from: '2020-01-01', to: '2020-01-02' }],
		['2021-01-01', 'month', {}],
		['2020-12-01', 'month', { weapon: { values: ["rocket' OR 1=1 --"] } }]
	];
	it.each(cases)('counts now, baseline and year for %s (%s) %o', async (start, kind, f) => {
		const w = trendWindow(start, kind, baselinePeriods, newWeeks);
		const rows = await conn.query(trendQuery(f, w));
		const got = new Map(
			rows.map((r) => [`${r.dim}|${r.key}`, { now: r.now, base: r.base, year: r.year }])
		);
		const keep = (e: Event) =>
			(f.all || e.attack !== false) &&
			(f.actor === undefined || f.actor.values.includes(e.actor)) &&
			(f.weapon === undefined || f.weapon.values.includes(e.weapon));
		expect(got).toEqual(recountTrends(events, w, admin1, keep));
	});

	it('flags the planted spike as sharp and the planted newcomer as new', async () => {
		const w = trendWindow('2021-01-04', 'week', baselinePeriods, newWeeks);
		const first = (await conn.query<{ first: string }>(trendExtentQuery({})))[0]!.first;
		const t = splitTrends(await conn.query(trendQuery({}, w)), coveredPeriods(w, first));
		const hatla = t.place.find((r) => r.key === 'hatla')!;
		expect(hatla.level).toBe('sharp');
		expect(t.actor.find((r) => r.key === 'Newcomers')).toMatchObject({ now: 1, level: 'new' });
		expect(t.place.find((r) => r.key === 'ayyash')).toMatchObject({ level: 'new' });
		expect(t.actor[0]!.level).toBe('new'); // sorted: new first
		expect(t.admin1.find((r) => r.key === null)?.now).toBeGreaterThan(-1); // unknown place → no admin1
	});

	it('has no baseline for the first period of the data, a partial one just after', async () => {
		const first = (await conn.query<{ first: string }>(trendExtentQuery({})))[0]!.first;
		expect(first).toBe(events.map((e) => e.date).sort()[0]);
		const w0 = trendWindow('2020-09-28', 'week', baselinePeriods, newWeeks);
		expect(coveredPeriods(w0, first)).toBe(0);
		const t = splitTrends(await conn.query(trendQuery({}, w0)), coveredPeriods(w0, first));
		const all = Object.values(t).flat();
		expect(all.length).toBeGreaterThan(0);
		expect(all.every((r) => r.level === 'no-baseline' && r.baseline === null)).toBe(true);
		// Two whole weeks of data before 2020-10-19: the baseline averages over 2 (then 3) periods.
		expect(coveredPeriods(trendWindow('2020-10-12', 'week', 4, 52), first)).toBe(2);
		expect(coveredPeriods(trendWindow('2020-10-19', 'week', 4, 52), first)).toBe(3);
		expect(coveredPeriods(trendWindow('2021-01-04', 'week', 4, 52), first)).toBe(4);
		expect(coveredPeriods(w0, null)).toBe(0);
	});

	it('anchors on the newest matching event, capped by the date range end', async () => {
		const q = async (f: Filters) => (await conn.query<{ newest: string }>(trendExtentQuery(f)))[0]!;
		const attacks = events.filter((e) => e.attack !== false).map((e) => e.date);
		expect((await q({})).newest).toBe(attacks.sort().at(-1));
		const capped = attacks.filter((d) => d <= '2020-12-31').sort();
		expect((await q({ to: '2020-12-31', from: '2020-12-01' })).newest).toBe(capped.at(-1));
		expect((await q({ actor: { values: ['nobody'] } })).newest).toBeNull();
	});

	it('lists actors and places first seen in a period, with the date', async () => {
		const range = { from: '2021-01-04', to: '2021-01-10' };
		const rows = await conn.query<EmergingRow>(emergingQuery({}, range));
		const attacks = events.filter((e) => e.attack !== false);
		const expected: Omit<EmergingRow, 'label'>[] = [];
		for (const dim of ['actor', 'place'] as const) {
			const firsts = new Map<string, string>();
			for (const e of attacks) if (!(firsts.get(e[dim])! <= e.date)) firsts.set(e[dim], e.date);
			for (const [key, first] of firsts)
				if (first >= range.from && first <= range.to)
					expected.push({
						dim,
						key,
						first_seen: first,
						n: attacks.filter((e) => e[dim] === key && e.date >= range.from && e.date <= range.to)
							.length
					});
		}
		expect(rows.map(({ label: _, ...r }) => r)).toEqual(
			expect.arrayContaining(expected as never[])
		);
		expect(rows).toHaveLength(expected.length);
		expect(rows.map((r) => r.key)).toContain('Newcomers');
		expect(rows.find((r) => r.key === 'ayyash')?.label).toBe('Ayyash');
	});

	it('"new in this period" keeps the incidents whose actor or place had no earlier event', async () => {
		for (const f of [
			{ from: '2021-01-04', to: '2021-01-10', emerging: true },
			{ from: '2020-12-28', to: '2021-01-10', emerging: true, all: true },
			{ from: '2021-01-04', emerging: true, actor: { values: ['SDF'] } }
		] as Filters[]) {
			const kept = events.filter((e) => f.all || e.attack !== false);
			const before = (dim: 'actor' | 'place', e: Event) =>
				kept.some((y) => y[dim] === e[dim] && y.date < f.from!);
			const expected = kept.filter(
				(e) =>
					e.date >= f.from! &&
					(!f.to || e.date <= f.to) &&
					(!f.actor || f.actor.values.includes(e.actor)) &&
					(!before('actor', e) || !before('place', e))
			).length;
			const { headline } = splitDashboard(
				await conn.query(dashboardQuery(f, HEADLINE_ONLY)),
				HEADLINE_ONLY
			);
			expect(headline.n, JSON.stringify(f)).toBe(expected);
		}
		const { headline } = splitDashboard(
			await conn.query(dashboardQuery({ emerging: true }, HEADLINE_ONLY)),
			HEADLINE_ONLY
		);
		expect(headline.n).toBe(events.filter((e) => e.attack !== false).length);
	});
});
