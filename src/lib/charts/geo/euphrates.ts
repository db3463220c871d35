import type { Feature, LineString } from 'geojson';

/**
 * The Euphrates from the Turkish border to the Iraqi border, APPROXIMATE: a
 * hand-made polyline through the published coordinates of riverside towns
 * (Jarabulus, Tabqa dam, Raqqa, Ma'dan, Deir ez-Zor, Mayadin, al-Asharah,
 * Hajin, Albu Kamal, al-Qaim). It shows which bank a place is on at the
 * scale of the governorate; it is not a survey of the channel.
 * Natural Earth's rivers are not in world-atlas, the only map data bundled.
 */
export const EUPHRATES: Feature<LineString> = {
	type: 'Feature',
	properties: { name: 'Euphrates', name_ar: 'نهر الفرات', approximate: true },
	geometry: {
		type: 'LineString',
		coordinates: [
			[38.01, 36.83],
			[38.05, 36.45],
			[38.25, 36.05],
			[38.55, 35.87],
			[39.01, 35.94],
			[39.4, 35.86],
			[39.65, 35.75],
			[39.85, 35.55],
			[40.05, 35.4],
			[40.14, 35.34],
			[40.3, 35.2],
			[40.45, 35.02],
			[40.57, 34.92],
			[40.7, 34.8],
			[40.83, 34.69],
			[40.92, 34.45],
			[41.05, 34.38]
		]
	}
};
