/**
 * Rows of two periods side by side, for the A/B comparison's difference
 * bars: one row per key present in either period, with both counts and B − A.
 */
export interface DiffRow {
	key: string;
	/** What the bar is labelled with (e.g. a place's English name), the key when absent. */
	label: string;
	a: number;
	b: number;
	/** b − a. */
	diff: number;
}

/** Merge per-key counts of A and B; sorted by the larger of the two, then by label. `n` limits the rows (largest first). */
export function diffRows<T>(
	a: readonly T[],
	b: readonly T[],
	key: (r: T) => string,
	count: (r: T) => number,
	label: (r: T) => string = key,
	n = Infinity
): DiffRow[] {
	const rows = new Map<string, DiffRow>();
	const add = (r: T, side: 'a' | 'b') => {
		const k = key(r);
		const row = rows.get(k) ?? { key: k, label: label(r), a: 0, b: 0, diff: 0 };
		row[side] += count(r);
		row.diff = row.b - row.a;
		rows.set(k, row);
	};
	for (const r of a) add(r, 'a');
	for (const r of b) add(r, 'b');
	return [...rows.values()]
		.sort((x, y) => Math.max(y.a, y.b) - Math.max(x.a, x.b) || x.label.localeCompare(y.label))
		.slice(0, n);
}

/** Counts per week offset from each period's first Monday: [offset, period, n], for grouped bars. */
export function alignWeeks(
	a: readonly { week: string; n: number }[],
	b: readonly { week: string; n: number }[],
	aStart: string,
	bStart: string
): { offset: number; period: 'A' | 'B'; n: number }[] {
	const out = new Map<string, { offset: number; period: 'A' | 'B'; n: number }>();
	const weekMs = 7 * 86_400_000;
	const monday = (d: string) => {
		const t = Date.parse(`${d}T00:00:00Z`);
		const day = (new Date(t).getUTCDay() + 6) % 7;
		return t - day * 86_400_000;
	};
	const add = (rows: typeof a, start: string, period: 'A' | 'B') => {
		const m0 = monday(start);
		for (const r of rows) {
			const offset = Math.round((Date.parse(`${r.week}T00:00:00Z`) - m0) / weekMs) + 1;
			const k = `${period}|${offset}`;
			const row = out.get(k) ?? { offset, period, n: 0 };
			row.n += r.n;
			out.set(k, row);
		}
	};
	add(a, aStart, 'A');
	add(b, bStart, 'B');
	return [...out.values()].sort((x, y) => x.offset - y.offset || x.period.localeCompare(y.period));
}
