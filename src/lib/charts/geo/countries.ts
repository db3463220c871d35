import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry, Position } from 'geojson';
import world from 'world-atlas/countries-50m.json';

/** [west, south, east, north] in degrees. */
export type Box = [number, number, number, number];

/** A country outline with its bounding box, so a map draws only those in its frame. */
export interface Country {
	feature: Feature<Geometry>;
	box: Box;
}

export interface Outline {
	syria: Feature<Geometry>;
	/** Every other country: an import may hold events anywhere, and the map frames them. */
	others: Country[];
}

/**
 * Country outlines from Natural Earth 1:50m (world-atlas), bundled with the
 * app. This module is imported lazily by the map, so the ~750 kB of
 * boundaries load only when the map is drawn.
 */
export function countries(): Outline {
	const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
	const all = feature(topo, topo.objects.countries).features;
	return {
		syria: all.find((f) => String(f.id) === '760')!,
		others: all
			.filter((f) => String(f.id) !== '760')
			.map((f) => ({ feature: f, box: boxOf(f.geometry) }))
	};
}

/** The countries whose box meets `frame` (a country across the antimeridian spans every longitude). */
export function inFrame(others: readonly Country[], frame: Box): Feature<Geometry>[] {
	const [w, s, e, n] = frame;
	return others
		.filter(({ box }) => box[0] <= e && box[2] >= w && box[1] <= n && box[3] >= s)
		.map((c) => c.feature);
}

function boxOf(geometry: Geometry): Box {
	const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
	const visit = (p: Position) => {
		box[0] = Math.min(box[0], p[0]!);
		box[1] = Math.min(box[1], p[1]!);
		box[2] = Math.max(box[2], p[0]!);
		box[3] = Math.max(box[3], p[1]!);
	};
	const walk = (c: unknown): void => {
		if (typeof (c as number[])[0] === 'number') visit(c as Position);
		else for (const inner of c as unknown[]) walk(inner);
	};
	if (geometry.type === 'GeometryCollection')
		for (const g of geometry.geometries) {
			const b = boxOf(g);
			visit([b[0], b[1]]);
			visit([b[2], b[3]]);
		}
	else walk(geometry.coordinates);
	return box;
}
