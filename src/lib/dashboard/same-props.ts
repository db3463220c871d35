/** A selection-like value: compared by content, since the URL makes a new object on every change. */
const isPlain = (v: unknown): v is object =>
	typeof v === 'object' &&
	v !== null &&
	(Array.isArray(v) ? v.length < 64 : Object.getPrototypeOf(v) === Object.prototype);

function same(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	// Row arrays are compared by identity (a new query result is new data); small
	// selections ({ values, exclude }) by content.
	if (Array.isArray(a) && Array.isArray(b) && a.length > 0 && typeof a[0] === 'object')
		return false;
	if (!isPlain(a) || !isPlain(b)) return false;
	return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Whether two prop objects are equal for drawing: same keys, each value the
 * same object (rows, callbacks) or an equal small plain value (a selection).
 */
export function sameProps(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
	const ka = Object.keys(a);
	if (ka.length !== Object.keys(b).length) return false;
	return ka.every((k) => k in b && same(a[k], b[k]));
}
