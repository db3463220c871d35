/**
 * The Mosaic peer (bench only, never in build/): Raqib's dashboard panels
 * rebuilt with Mosaic's vgplot 0.32 on the same data, in DuckDB-WASM started
 * exactly as the app starts it (same bundles, settings and codebook DDL, from
 * this page's own origin: Mosaic's connector gets our database and never
 * picks a CDN bundle). The facts are Raqib's own facts table (same SQL), so
 * both sides scan the same rows. Cross-filtering is Mosaic's
 * `Selection.crossfilter()` with its default pre-aggregation (data cubes built
 * when the pointer enters a panel, like Raqib's indexes).
 *
 * Panels, as on `/`: attacks per week by side (with a week brush), by actor,
 * by target, a map of places over the country outlines, by governorate, by
 * weapon, by outcome, the headline figures and the incident list (50 rows).
 * The harness (bench/scenarios/mosaic.ts) drives it through window.raqibMosaic
 * and clicks the first bar of `[data-chart="actors"]`, as on `/`.
 */
import * as vg from '@uwdata/vgplot';
import { makeClient } from '@uwdata/mosaic-core';
import { countries, inFrame, type Box } from '$lib/charts/geo/countries';
import { createFromCsv } from '$lib/db/ddl';
import { ENGINE_DIR } from '$lib/db/lockdown';
import { openWasm, type WasmDatabase } from '$lib/db/wasm';
import { buildFacts, FACTS } from '$lib/query/facts';
import type { TableName } from '$lib/schema/tables';

/** The area the map frames (Raqib's map frames Deir ez-Zor's places at first), [west, south, east, north]. */
const FRAME: Box = [38.9, 34.1, 41.5, 36.2];

/** The view every panel reads: the facts the app's default filter keeps (attacks), with each place's position. */
const VIEW = 'attacks';

let database: Promise<WasmDatabase> | null = null;

async function text(url: string): Promise<string> {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	return res.text();
}

/** Load one CSV into `table` typed by the codebook, as the app loads its tables. */
async function load(
	db: WasmDatabase,
	run: (sql: string) => Promise<void>,
	table: TableName,
	url: string
) {
	const file = `${ENGINE_DIR}mosaic-${table}.csv`;
	await db.db.registerFileText(file, await text(url));
	await run(createFromCsv(table, file));
	await db.db.dropFile(file);
}

/**
 * A horizontal bar chart of one facts column, clickable (toggle). Only the
 * actors chart (the one the harness clicks) highlights its selection: Mosaic's
 * highlight by the shared crossfilter selection puts the other panels'
 * predicates into an aggregated panel's query, which DuckDB rejects
 * (`column "actor" must appear in the GROUP BY clause`).
 */
function bars(sel: unknown, column: string, fill: string, id: string) {
	const plot = vg.plot(
		vg.barX(vg.from(VIEW, { filterBy: sel }), {
			x: vg.count(),
			y: column,
			fill,
			sort: { y: '-x', limit: 15 }
		}),
		vg.toggleY({ as: sel }),
		...(id === 'actors' ? [vg.highlight({ by: sel })] : []),
		vg.width(420),
		vg.height(300),
		vg.marginLeft(140),
		vg.yLabel(null)
	);
	return frame(id, plot);
}

function frame(id: string, node: HTMLElement): HTMLElement {
	const section = document.createElement('section');
	section.dataset.chart = id;
	section.append(node);
	return section;
}

/** The headline figures: one client, one aggregate row. */
function headline(sel: unknown): HTMLElement {
	const out = document.createElement('p');
	out.dataset.headline = '';
	makeClient({
		selection: sel,
		query: (filter: unknown) =>
			vg.Query.from(VIEW)
				.select({
					n: vg.count(),
					fatalities: vg.sum('fatalities'),
					injuries: vg.sum('injuries'),
					actors: vg.sql`count(DISTINCT actor)`,
					first: vg.min('event_date'),
					last: vg.max('event_date')
				})
				.where(filter),
		queryResult: (data: { toArray(): Record<string, unknown>[] }) => {
			const r = data.toArray()[0] ?? {};
			out.textContent = `${r.n} attacks · ${r.fatalities} killed · ${r.injuries} injured · ${r.actors} actors · ${r.first} – ${r.last}`;
		}
	});
	return frame('headline', out);
}

const api = {
	/**
	 * Start the engine, load the companions and the incidents CSV, build the
	 * facts (Raqib's SQL) and draw every panel. Resolves once the first
	 * drawing is done; returns the ms of each step.
	 */
	async open(incidentsUrl: string) {
		const t0 = performance.now();
		const db = await (database ??= openWasm());
		const conn = await db.db.connect();
		const run = async (sql: string) => void (await conn.query(sql));
		const started = performance.now();
		for (const table of ['places', 'actors', 'targets', 'reports'] as const)
			await load(db, run, table, `/${table}.csv`);
		await load(db, run, 'incidents', incidentsUrl);
		const loaded = performance.now();
		// The app's facts are a TEMP table on its dashboard connection; here Mosaic's own connection.
		await run(buildFacts());
		await run(
			`CREATE OR REPLACE VIEW ${VIEW} AS SELECT f.*, p.longitude AS lon, p.latitude AS lat
			FROM ${FACTS} AS f LEFT JOIN (SELECT place_id, any_value(longitude) AS longitude,
				any_value(latitude) AS latitude FROM places GROUP BY place_id) AS p ON p.place_id = f.place
			WHERE f.is_attack`
		);
		const facts = performance.now();
		const coordinator = vg.coordinator();
		coordinator.databaseConnector(vg.wasmConnector({ duckdb: db.db, connection: conn }));
		// No query log on the console: printing is not part of the work being compared.
		coordinator.logger(null);
		const sel = vg.Selection.crossfilter();
		const outline = countries();
		const main = document.createElement('main');
		main.append(
			headline(sel),
			frame(
				'weeks',
				vg.plot(
					vg.rectY(vg.from(VIEW, { filterBy: sel }), {
						x1: 'week',
						x2: vg.sql`week + 7`,
						y: vg.count(),
						fill: 'side'
					}),
					vg.intervalX({ as: sel }),
					vg.width(1200),
					vg.height(220)
				)
			),
			bars(sel, 'actor', 'side', 'actors'),
			bars(sel, 'target', 'target_type', 'targets'),
			frame(
				'map',
				vg.plot(
					vg.geo([...inFrame(outline.others, FRAME), outline.syria], {
						geometry: 'geometry',
						fill: '#eee',
						stroke: '#999'
					}),
					vg.dot(vg.from(VIEW, { filterBy: sel }), {
						x: 'lon',
						y: 'lat',
						r: vg.count(),
						fill: '#CC79A7',
						fillOpacity: 0.7
					}),
					vg.toggle({ as: sel, channels: ['x', 'y'] }),
					vg.projectionType('mercator'),
					// Clockwise, as d3-geo wants a small polygon: the area Raqib's map frames at first.
					vg.projectionDomain({
						type: 'Polygon',
						coordinates: [
							[
								[38.9, 34.1],
								[38.9, 36.2],
								[41.5, 36.2],
								[41.5, 34.1],
								[38.9, 34.1]
							]
						]
					}),
					vg.width(420),
					vg.height(360)
				)
			),
			bars(sel, 'admin1', '#56B4E9', 'admin1'),
			bars(sel, 'weapon', '#E69F00', 'weapons'),
			bars(sel, 'outcome', '#009E73', 'outcomes'),
			frame(
				'list',
				vg.table({
					from: VIEW,
					filterBy: sel,
					columns: [
						'incident_id',
						'event_date',
						'event_type',
						'actor',
						'side',
						'target',
						'weapon',
						'outcome',
						'place',
						'fatalities',
						'injuries'
					],
					rowBatch: 50,
					height: 400
				})
			)
		);
		document.body.replaceChildren(main);
		// The harness waits for every panel's first drawing (bench/scenarios/mosaic.ts).
		return { startMs: started - t0, loadMs: loaded - started, factsMs: facts - loaded };
	},
	/** Rows in the view (to check both sides hold the same data). */
	async rows(): Promise<number> {
		const result = await vg.coordinator().query(`SELECT count(*)::INTEGER AS n FROM ${VIEW}`);
		return (result.toArray()[0] as { n: number }).n;
	}
};

export type MosaicPageApi = typeof api;
(window as unknown as { raqibMosaic: MosaicPageApi }).raqibMosaic = api;
document.documentElement.dataset.ready = 'true';
