/**
 * Whole-number ticks for a count axis from 0 to `max`: steps of 1, 2 or 5
 * times a power of ten, about `count` of them, never a fraction (a count of
 * 0.2 attacks is not a thing). Used as Plot's `ticks` option.
 */
export function countTicks(max: number, count = 5): number[] {
	const top = Math.max(1, Math.ceil(max));
	const raw = top / Math.max(1, count);
	const power = 10 ** Math.floor(Math.log10(Math.max(1, raw)));
	const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
	const out: number[] = [];
	for (let v = 0; v <= top + step / 2 && out.length < 100; v += Math.max(1, step)) out.push(v);
	// The axis runs up to the last tick, so the largest count never pokes above it.
	if (out.at(-1)! < top) out.push(out.at(-1)! + Math.max(1, step));
	return out;
}
