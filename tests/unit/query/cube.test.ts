import { beforeAll, describe, expect, it } from 'vitest';
import { buildCube, cubeQuery } from '../../../src/lib/query/cube';
import { dashboardQuery, splitDashboard } from '../../../src/lib/query/dashboard';
import { buildFacts } from '../../../src/lib/query/facts';
import { DIMENSIONS, type Dimension, type Filters } from '../../../src/lib/query/filters';
import { shippedConnector, type NodeConnector } from '../support/node-connector';
import { facts } from './recount';

let conn: NodeConnector;
beforeAll(async () => {
	conn = await shippedConnector();
	await conn.exec(buildFacts());
});

const all = facts();
/** Every value each dimension takes in data/, plus one that matches nothing. */
const values = (d: Dimension) => [...new Set(all.map((x) => x[d]))].slice(0, 6).concat("nobody's");

describe('cube index', () => {
	it.each(DIMENSIONS)('answers every %s filter exactly like a full pass', async (dim) => {
		for (const base of [{}, { all: true }, { q: 'strike' }] as Filters[]) {
			const built = buildCube(dim, base);
			await conn.query({ sql: built.sql, params: built.params });
			for (const value of [undefined, ...values(dim)]) {
				const filters: Filters = { ...base, [dim]: value };
				if (value === undefined) delete filters[dim];
				const full = splitDashboard(await conn.query(dashboardQuery(filters)));
				const cube = splitDashboard(await conn.query(cubeQuery(dim, value)));
				expect(cube, `${dim}=${value} over ${JSON.stringify(base)}`).toEqual(full);
			}
		}
	});
});
