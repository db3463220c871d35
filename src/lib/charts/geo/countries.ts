import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import world from 'world-atlas/countries-50m.json';

/**
 * Syria and its neighbours from Natural Earth 1:50m (world-atlas), bundled
 * with the app. This module is imported lazily by the map, so the ~750 kB of
 * boundaries load only when the map is drawn.
 */
const NEIGHBOURS = new Set(['760', '368', '792', '400']);

export function countries(): { syria: Feature<Geometry>; others: Feature<Geometry>[] } {
	const topo = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
	const all = feature(topo, topo.objects.countries).features.filter((f) =>
		NEIGHBOURS.has(String(f.id))
	);
	return {
		syria: all.find((f) => String(f.id) === '760')!,
		others: all.filter((f) => String(f.id) !== '760')
	};
}
