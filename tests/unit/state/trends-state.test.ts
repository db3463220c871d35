import { describe, expect, it } from 'vitest';
import { BriefState } from '../../../src/lib/state/brief.svelte';
import { CompareState } from '../../../src/lib/state/compare.svelte';
import { dashboardQuery, splitDashboard, withHeadline } from '../../../src/lib/query/dashboard';
import { PANEL_AGGREGATES } from '../../../src/lib/dashboard/registry';
import { FactsSession } from '../../../src/lib/state/facts-session';
import { TrendsState } from '../../../src/lib/state/trends.svelte';
import { shippedConnector } from '../support/node-connector';

describe('trend and brief state on the shipped data (Node DuckDB)', async () => {
	const conn = await shippedConnector();
	let opened = 0;
	const session = new FactsSession(async () => {
		opened++;
		return conn;
	});

	it('anchors on the latest complete week, or on a picked one; the latest request wins', async () => {
		const trends = new TrendsState(session);
		const first = trends.load({}, { kind: 'week' }, 1);
		const second = trends.load({}, { kind: 'week', ref: '2023-11-08' }, 1);
		await Promise.all([first, second]);
		expect(trends.status).toBe('ready');
		expect(trends.result?.window?.now).toEqual({ from: '2023-11-06', to: '2023-11-12' });
		expect(trends.result?.picked).toBe(true);
		expect(trends.result?.rows.actor.find((r) => r.key === 'US-led coalition')?.level).toBe(
			'sharp'
		);
		await trends.load({}, { kind: 'week' }, 1);
		expect(trends.result?.window?.now.from).toBe('2023-10-30');
		expect(trends.result?.newest).toBe('2023-11-09');
		await trends.load({}, { kind: 'month' }, 1);
		expect(trends.result?.window?.now).toEqual({ from: '2023-10-01', to: '2023-10-31' });
		expect(opened).toBe(1);
	});

	it('answers a return to an earlier selection from its cache, not from stale data', async () => {
		const trends = new TrendsState(session);
		await trends.load({}, { kind: 'week' }, 1);
		const before = trends.result;
		await trends.load({ weapon: { values: ['drone'] } }, { kind: 'week' }, 1);
		await trends.load({}, { kind: 'week' }, 1);
		expect(trends.result).toBe(before);
		// Another data version is computed again.
		await trends.load({}, { kind: 'week' }, 2);
		expect(trends.result).not.toBe(before);
		expect(trends.result).toEqual(before);
	});

	it('says so when nothing matches, and reports a failing query in `error`', async () => {
		const trends = new TrendsState(session);
		await trends.load({ actor: { values: ['nobody'] } }, { kind: 'week' }, 1);
		expect(trends.result?.window).toBeNull();
		const broken = new TrendsState(
			new FactsSession(async () => {
				throw new Error('engine down');
			})
		);
		await broken.load({}, { kind: 'week' }, 1);
		expect(broken.status).toBe('error');
		expect(broken.error).toBe('engine down');
	});

	it('gives the brief its figures and cited sources', async () => {
		const brief = new BriefState(session, PANEL_AGGREGATES);
		await brief.load({ actor: { values: ['US-led coalition'] } }, 2);
		expect(brief.data?.headline.attacks).toBe(20);
		expect(brief.sources.map((s) => s.published)).toEqual(
			[...brief.sources.map((s) => s.published)].sort()
		);
		expect(brief.sources.length).toBe(brief.data?.headline.reports);
	});

	it('compares A and B: each side is the dashboard under the filters with that date range', async () => {
		const compare = new CompareState(session, PANEL_AGGREGATES);
		const a = { from: '2022-01-01', to: '2022-12-31' };
		const b = { from: '2023-01-01', to: '2023-12-31' };
		await compare.load(
			{ side: { values: ['coalition'] }, from: '2018-01-01', to: '2018-12-31' },
			a,
			b,
			3
		);
		expect(compare.status).toBe('ready');
		for (const [side, range] of [
			['a', a],
			['b', b]
		] as const) {
			const specs = withHeadline(PANEL_AGGREGATES);
			const alone = splitDashboard(
				await conn.query(dashboardQuery({ side: { values: ['coalition'] }, ...range }, specs)),
				specs
			);
			expect(compare.result?.[side]).toEqual(alone);
		}
		expect(compare.result?.a.headline.n).not.toBe(compare.result?.b.headline.n);
	});
});
