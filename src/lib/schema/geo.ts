/** Rough bounding box of Syria in degrees (WGS84): which points the Deir ez-Zor framing applies to. */
export const SYRIA_BOUNDS = { minLat: 32.3, maxLat: 37.4, minLon: 35.7, maxLon: 42.4 } as const;

/** Does a point (degrees) lie within Syria's bounding box? */
export function withinSyria(lat: number, lon: number): boolean {
	const b = SYRIA_BOUNDS;
	return lat >= b.minLat && lat <= b.maxLat && lon >= b.minLon && lon <= b.maxLon;
}
