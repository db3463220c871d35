import type { Component } from 'svelte';
import ActorChart from '$lib/charts/ActorChart.svelte';
import CategoryChart from '$lib/charts/CategoryChart.svelte';
import PlaceMap from '$lib/charts/PlaceMap.svelte';
import TargetChart from '$lib/charts/TargetChart.svelte';
import WeekChart from '$lib/charts/WeekChart.svelte';
import { t } from '$lib/i18n';
import type { AggregateSpec } from '$lib/query/aggregates';
import type { DashboardData } from '$lib/query/dashboard';
import type { Dimension, Filters, PickMode } from '$lib/query/filters';

/** What a panel's props are made from: the data, the selection, and stable callbacks. */
export interface PanelContext {
	data: DashboardData;
	filters: Filters;
	/** "Attacks" or "Events": the counted thing, for titles and axes. */
	measure: string;
	/** A stable callback picking a value of `d` (one closure per dimension, reused). */
	pick: (d: Dimension) => (value: string, mode?: PickMode) => void;
	/** A stable callback setting the date range (undefined ends: no bound). */
	range: (from: string | undefined, to: string | undefined) => void;
}

/**
 * One dashboard panel: the aggregates it draws (each with its cross-filter,
 * see AggregateSpec), its chart component, where it sits, and how its props
 * are made. Props must come only from `ctx`: the page passes them on only
 * when they changed, so a panel whose data and selection did not change is
 * not redrawn.
 */
export interface Panel {
	id: string;
	aggregates: readonly AggregateSpec[];
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each panel's component has its own props
	component: Component<any>;
	/** 'wide' spans the grid; 'cell' is one column; consecutive 'stack' panels share one cell. */
	layout: 'wide' | 'cell' | 'stack';
	props: (ctx: PanelContext) => Record<string, unknown>;
	/** The dimension to index when the pointer enters the panel (its likely next click). */
	prepare?: (f: Filters) => Dimension | null;
}

const count = (name: string, keys: string[], omit: AggregateSpec['omit']): AggregateSpec => ({
	name,
	keys,
	omit,
	order: 'count'
});

/**
 * Every panel of the dashboard, in page order. Adding a panel means one entry
 * here, its chart component and its strings in the i18n catalogue.
 */
export const PANELS: readonly Panel[] = [
	{
		id: 'weeks',
		aggregates: [
			{ name: 'byWeek', keys: ['week', 'side'], omit: ['dates'], order: 'keys' },
			{ name: 'byWeekActor', keys: ['week', 'actor'], omit: ['dates'], order: 'keys' }
		],
		component: WeekChart,
		layout: 'wide',
		props: (c) => ({
			rows: c.data.byWeek,
			actorRows: c.data.byWeekActor,
			measure: c.measure,
			from: c.filters.from,
			to: c.filters.to,
			onrange: c.range
		})
	},
	{
		id: 'actors',
		aggregates: [count('byActor', ['actor', 'side'], ['actor', 'side'])],
		component: ActorChart,
		layout: 'cell',
		props: (c) => ({
			rows: c.data.byActor,
			measure: c.measure,
			selectedActor: c.filters.actor,
			selectedSide: c.filters.side,
			onactor: c.pick('actor'),
			onside: c.pick('side')
		}),
		prepare: (f) => (f.side && !f.actor ? 'side' : 'actor')
	},
	{
		id: 'targets',
		aggregates: [count('byTarget', ['target', 'target_type'], ['target', 'target_type'])],
		component: TargetChart,
		layout: 'cell',
		props: (c) => ({
			rows: c.data.byTarget,
			measure: c.measure,
			selectedTarget: c.filters.target,
			selectedType: c.filters.target_type,
			ontarget: c.pick('target'),
			ontype: c.pick('target_type')
		}),
		prepare: () => 'target'
	},
	{
		id: 'map',
		aggregates: [count('byPlace', ['place'], ['place'])],
		component: PlaceMap,
		layout: 'cell',
		props: (c) => ({
			rows: c.data.byPlace,
			measure: c.measure,
			selected: c.filters.place,
			onplace: c.pick('place')
		}),
		prepare: () => 'place'
	},
	{
		id: 'admin1',
		aggregates: [count('byAdmin1', ['admin1'], ['admin1'])],
		component: CategoryChart,
		layout: 'cell',
		props: (c) => {
			const rows = c.data.byAdmin1 as readonly object[];
			return {
				id: 'admin1',
				title: t('dashboard.chart.admin1', { measure: c.measure }),
				label: t('dashboard.chart.admin1.label', { measure: c.measure, count: rows.length }),
				key: 'admin1',
				keyLabel: t('dashboard.filter.admin1'),
				rows,
				measure: c.measure,
				color: '#56B4E9',
				selected: c.filters.admin1,
				onpick: c.pick('admin1')
			};
		},
		prepare: () => 'admin1'
	},
	{
		id: 'weapons',
		aggregates: [count('byWeapon', ['weapon'], ['weapon'])],
		component: CategoryChart,
		layout: 'stack',
		props: (c) => ({
			id: 'weapons',
			title: t('dashboard.chart.weapons', { measure: c.measure }),
			label: t('dashboard.chart.weapons.label', {
				measure: c.measure,
				count: c.data.byWeapon.length
			}),
			key: 'weapon',
			keyLabel: t('dashboard.filter.weapon'),
			rows: c.data.byWeapon,
			measure: c.measure,
			color: '#E69F00',
			selected: c.filters.weapon,
			onpick: c.pick('weapon')
		}),
		prepare: () => 'weapon'
	},
	{
		id: 'outcomes',
		aggregates: [count('byOutcome', ['outcome'], ['outcome'])],
		component: CategoryChart,
		layout: 'stack',
		props: (c) => ({
			id: 'outcomes',
			title: t('dashboard.chart.outcomes', { measure: c.measure }),
			label: t('dashboard.chart.outcomes.label', {
				measure: c.measure,
				count: c.data.byOutcome.length
			}),
			key: 'outcome',
			keyLabel: t('dashboard.filter.outcome'),
			rows: c.data.byOutcome,
			measure: c.measure,
			color: '#009E73',
			selected: c.filters.outcome,
			onpick: c.pick('outcome')
		}),
		prepare: () => 'outcome'
	}
];

/** Every aggregate the registered panels draw. */
export const PANEL_AGGREGATES: readonly AggregateSpec[] = PANELS.flatMap((p) => p.aggregates);
