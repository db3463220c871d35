import { beforeAll, describe, expect, it } from 'vitest';
import { PANEL_AGGREGATES } from '../../../src/lib/dashboard/registry';
import { aggregateQuery } from '../../../src/lib/query/aggregates';
import { buildCube, cubeQuery } from '../../../src/lib/query/cube';
import { dashboardQuery, withHeadline } from '../../../src/lib/query/dashboard';
import { buildFacts } from '../../../src/lib/query/facts';
import {
	DIMENSIONS,
	filtersToSearch,
	parseFilters,
	toggle,
	whereClause,
	type Filters
} from '../../../src/lib/query/filters';
import { incidentDetail, incidentPage } from '../../../src/lib/query/incidents';
import type { SqlQuery } from '../../../src/lib/query/types';
import { shippedConnector, type NodeConnector } from '../support/node-connector';

const AWKWARD = ["it's", 'a"b', "'; DROP TABLE incidents; --", '%_\\', '100%', 'دير الزور', '?'];

let conn: NodeConnector;
beforeAll(async () => {
	conn = await shippedConnector();
	await conn.exec(buildFacts());
});

const SPECS = withHeadline(PANEL_AGGREGATES);

function everyBuilder(f: Filters): [string, SqlQuery][] {
	const cube = buildCube('actor', f, SPECS);
	return [
		['dashboard', dashboardQuery(f, SPECS)],
		...SPECS.map((s) => [s.name, aggregateQuery(s, f)] as [string, SqlQuery]),
		['page', incidentPage(f, { sort: 'actor', desc: false, limit: 50, offset: 0 })],
		// buildCube runs before cubeQuery, which reads the table it makes.
		['cube', cube.query],
		['cube rollup', cubeQuery(cube.plan, f.actor)],
		['detail', incidentDetail(f.actor?.values[0] ?? '')]
	];
}

describe('user values are bound, never pasted into SQL', () => {
	it.each(AWKWARD)('every builder plans and runs with %j in every filter', async (text) => {
		const f: Filters = { q: text, from: '2019-01-01', to: '2024-01-01' };
		DIMENSIONS.forEach((d, i) => (f[d] = { values: [text, `${text}2`], exclude: i % 2 === 1 }));
		for (const [name, q] of everyBuilder(f)) {
			expect(q.sql, name).not.toContain(text === '?' ? '??' : text);
			const plan = await conn.query({ sql: `EXPLAIN ${q.sql}`, params: q.params });
			expect(plan.length, name).toBeGreaterThan(0);
			await conn.query(q);
		}
		const [row] = (await conn.query<{ n: number }>(
			'SELECT count(*)::INTEGER AS n FROM incidents'
		))!;
		expect(row?.n).toBeGreaterThan(0);
	});

	it('searches notes for the text literally: % and _ are not wildcards', async () => {
		const q = aggregateQuery(
			SPECS.find((s) => s.name === 'headline')!,
			{ q: '%', all: true }
		);
		const [row] = await conn.query<{ n: number }>(q);
		const [expected] = await conn.query<{ n: number }>(
			"SELECT count(*)::INTEGER AS n FROM incidents WHERE contains(lower(notes), '%')"
		);
		expect(row?.n).toBe(expected?.n);
	});

	it('ignores malformed dates instead of sending them to SQL', () => {
		const w = whereClause({ from: "2020-01-01' OR 1=1", to: 'soon' });
		expect(w.params).toEqual([]);
	});
});

describe('filters in the URL', () => {
	it('round-trips through the query string', () => {
		const f: Filters = {
			from: '2020-01-06',
			to: '2021-12-31',
			actor: { values: ['ISIS', 'Iran-backed militias'] },
			side: { values: ['Iran-aligned'], exclude: true },
			target: { values: ['a & b = c'] },
			all: true,
			q: 'drone; strike'
		};
		const search = filtersToSearch(f);
		expect(parseFilters(new URLSearchParams(search))).toEqual(f);
		expect(filtersToSearch({})).toBe('');
	});

	it('toggles a dimension on a second click', () => {
		const once = toggle({}, 'actor', 'X');
		expect(once).toEqual({ actor: { values: ['X'] } });
		expect(toggle(once, 'actor', 'X')).toEqual({});
		expect(toggle(once, 'actor', 'Y')).toEqual({ actor: { values: ['Y'] } });
	});

	it('adds and removes values with a modifier, and excludes with "all but"', () => {
		const two = toggle(toggle({}, 'actor', 'X'), 'actor', 'Y', 'add');
		expect(two).toEqual({ actor: { values: ['X', 'Y'] } });
		expect(toggle(two, 'actor', 'X', 'add')).toEqual({ actor: { values: ['Y'] } });
		const not = toggle(two, 'actor', 'Z', 'exclude');
		expect(not).toEqual({ actor: { values: ['Z'], exclude: true } });
		expect(toggle(not, 'actor', 'Z', 'exclude')).toEqual({});
		expect(parseFilters(new URLSearchParams(filtersToSearch(not)))).toEqual(not);
		expect(filtersToSearch(not)).toBe('?not_actor=Z');
	});

	it('ignores incomplete dates such as a year still being typed', () => {
		expect(parseFilters(new URLSearchParams('to=0201-12-31&from=2021-02-30'))).toEqual({});
		expect(parseFilters(new URLSearchParams('to=2021-12-31'))).toEqual({ to: '2021-12-31' });
	});
});
