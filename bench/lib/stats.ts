/** The q-quantile (0..1) of samples, by linear interpolation between order statistics. */
export function quantile(samples: readonly number[], q: number): number {
	if (samples.length === 0) return NaN;
	const s = [...samples].sort((a, b) => a - b);
	const pos = (s.length - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export const median = (samples: readonly number[]) => quantile(samples, 0.5);
export const p95 = (samples: readonly number[]) => quantile(samples, 0.95);
