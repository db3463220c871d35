import { beforeAll, describe, expect, it } from 'vitest';
import { PANEL_AGGREGATES } from '../../../src/lib/dashboard/registry';
import { buildCube, cubeQuery } from '../../../src/lib/query/cube';
import { dashboardQuery, splitDashboard, withHeadline } from '../../../src/lib/query/dashboard';
import { buildFacts } from '../../../src/lib/query/facts';
import {
	DIMENSIONS,
	type Choice,
	type Dimension,
	type Filters
} from '../../../src/lib/query/filters';
import { shippedConnector, type NodeConnector } from '../support/node-connector';
import { facts } from './recount';

let conn: NodeConnector;
beforeAll(async () => {
	conn = await shippedConnector();
	await conn.exec(buildFacts());
});

const SPECS = withHeadline(PANEL_AGGREGATES);
const all = facts();
/** The choices tried in each dimension: none, one value, two, "all but" one, and a value matching nothing. */
function choices(d: Dimension): (Choice | undefined)[] {
	const vs = [...new Set(all.map((x) => x[d]))];
	return [
		undefined,
		{ values: [vs[0]!] },
		{ values: vs.slice(0, 2) },
		{ values: [vs[0]!], exclude: true },
		{ values: ["nobody's"] }
	];
}

describe('cube index', () => {
	it.each(DIMENSIONS)('answers every %s selection exactly like a full pass', async (dim) => {
		const bases: Filters[] = [
			{},
			// Another panel's selection (the index must keep that panel's own cross-filter), all events, a search.
			{
				all: true,
				q: 'a',
				...(dim === 'weapon'
					? { outcome: { values: ['unknown'], exclude: true } }
					: { weapon: { values: ['drone'] } })
			}
		];
		for (const base of bases) {
			const { query, plan } = buildCube(dim, base, SPECS);
			await conn.query(query);
			for (const choice of choices(dim)) {
				const filters: Filters = { ...base, [dim]: choice };
				if (!choice) delete filters[dim];
				const full = splitDashboard(await conn.query(dashboardQuery(filters, SPECS)), SPECS);
				const cube = splitDashboard(await conn.query(cubeQuery(plan, choice)), SPECS);
				expect(cube, `${dim}=${JSON.stringify(choice)} over ${JSON.stringify(base)}`).toEqual(full);
			}
		}
	});
});
