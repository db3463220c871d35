import { beforeAll, describe, expect, it } from 'vitest';
import { PANEL_AGGREGATES } from '../../../src/lib/dashboard/registry';
import { dashboardQuery, splitDashboard, withHeadline } from '../../../src/lib/query/dashboard';
import { DIMENSIONS, type Filters } from '../../../src/lib/query/filters';
import { DashboardState } from '../../../src/lib/state/dashboard.svelte';
import { countBy, facts, matching } from '../query/recount';
import { shippedConnector, type NodeConnector } from '../support/node-connector';

let conn: NodeConnector;
beforeAll(async () => {
	conn = await shippedConnector();
});
const all = facts();
const SPECS = withHeadline(PANEL_AGGREGATES);
const state = () =>
	new DashboardState({ connect: async () => conn, generation: () => 0 }, PANEL_AGGREGATES);

describe('dashboard state against Node DuckDB', () => {
	it('asks only for aggregates whose cross-filter changed; the clicked panel keeps its rows', async () => {
		const d = state();
		await d.update({}, 1);
		const weapons = d.data!.byWeapon;
		const sent = d.queries.sent;
		const drone: Filters = { weapon: { values: ['drone'] } };
		await d.update(drone, 1);
		// One statement for the change; the weapon chart's own rows are the very same array (not redrawn).
		expect(d.queries.sent).toBe(sent + 1);
		expect(d.data!.byWeapon).toBe(weapons);
		expect(d.data!.headline.n).toBe(matching(all, drone).length);
		expect(Object.fromEntries(d.data!.byActor.map((r) => [r.actor, r.n]))).toEqual(
			countBy(matching(all, drone), (x) => x.actor)
		);
	});

	it('answers multi-select and exclusion from the index exactly as a scan, recounted in JS', async () => {
		const d = state();
		await d.update({}, 1);
		await d.prepare('actor', {}, 1);
		const actors = [...new Set(all.map((x) => x.actor))];
		for (const f of [
			{ actor: { values: actors.slice(0, 2) } },
			{ actor: { values: [actors[0]!], exclude: true } }
		] as Filters[]) {
			await d.update(f, 1);
			expect(d.lastCube).toBe('actor');
			const scan = splitDashboard(await conn.query(dashboardQuery(f, SPECS)), SPECS);
			expect(d.data).toEqual(scan);
			expect(d.data!.headline.n).toBe(matching(all, f).length);
		}
	});

	it('lets the latest update win when two overlap', async () => {
		const d = state();
		await d.update({}, 1);
		const a = d.update({ side: { values: ['coalition'] } }, 1);
		const b = d.update({ outcome: { values: ['unknown'] } }, 1);
		await Promise.all([a, b]);
		expect(d.data!.headline.n).toBe(matching(all, { outcome: { values: ['unknown'] } }).length);
		expect(d.status).toBe('ready');
	});
	it('an index build of an older data version never rebuilds the facts under the current update', async () => {
		// After a restart the tables come back as a new version while an idle index build of the
		// old version is still looping: its facts rebuild used to supersede the current update's.
		const d = state();
		await d.update({}, 1);
		const drone: Filters = { weapon: { values: ['drone'] } };
		const current = d.update(drone, 2);
		const stale = d.prepare('actor', {}, 1);
		await Promise.all([current, stale]);
		expect(d.status).toBe('ready');
		expect(d.data!.headline.n).toBe(matching(all, drone).length);
	});

	it('answers a selection seen before from the cache, keyed by the build of the index it read', async () => {
		const d = state();
		await d.update({}, 1);
		await d.prepare('actor', {}, 1);
		const actor = all[0]!.actor;
		const picked: Filters = { actor: { values: [actor] } };
		await d.update(picked, 1);
		const answer = d.data;
		await d.update({}, 1);
		let sent = d.queries.sent;
		await d.update(picked, 1);
		expect(d.queries.sent).toBe(sent);
		expect(d.data).toEqual(answer);
		// The same table name rebuilt (under other filters, then under the first ones again):
		// the same SQL reads another build, so it is asked again.
		await d.prepare('actor', { outcome: { values: ['unknown'] } }, 1);
		await d.prepare('actor', {}, 1);
		await d.update({}, 1);
		sent = d.queries.sent;
		await d.update(picked, 1);
		expect(d.queries.sent).toBe(sent + 1);
		expect(d.lastCube).toBe('actor');
		expect(d.data!.headline.n).toBe(matching(all, picked).length);
	});

	it('indexes each dimension once per data version when idle; a stale index waits for its panel', async () => {
		const d = state();
		await d.update({}, 1);
		let sent = d.queries.sent;
		await d.prepareAll({}, 1);
		expect(d.queries.sent).toBe(sent + DIMENSIONS.length);
		await d.update({ weapon: { values: ['drone'] } }, 1);
		sent = d.queries.sent;
		await d.prepareAll({ weapon: { values: ['drone'] } }, 1);
		expect(d.queries.sent).toBe(sent);
		// The pointer on the actors panel rebuilds its index under the new selection.
		await d.prepare('actor', { weapon: { values: ['drone'] } }, 1);
		expect(d.queries.sent).toBe(sent + 1);
	});
});
