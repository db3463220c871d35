/**
 * The first n rows (already sorted by count) and, when there are more, one
 * row summing the rest. The table view keeps every row; only the picture folds.
 */
export function topN<T extends object, O extends object>(
	rows: readonly T[],
	n: number,
	rest: (others: readonly T[]) => O
): (T | O)[] {
	if (rows.length <= n + 1) return [...rows];
	return [...rows.slice(0, n), rest(rows.slice(n))];
}

/**
 * Sum the counts of rows sharing `key` (e.g. actors into sides), with how
 * many rows each group had, sorted by count.
 */
export function rollup<T extends { n: number; fatalities: number }, K extends keyof T & string>(
	rows: readonly T[],
	key: K
): ({ [P in K]: T[K] } & { n: number; fatalities: number; members: number })[] {
	const groups = new Map<T[K], { n: number; fatalities: number; members: number }>();
	for (const r of rows) {
		const g = groups.get(r[key]) ?? { n: 0, fatalities: 0, members: 0 };
		g.n += r.n;
		g.fatalities += r.fatalities;
		g.members += 1;
		groups.set(r[key], g);
	}
	return [...groups]
		.map(([k, g]) => ({ [key]: k, ...g }) as { [P in K]: T[K] } & typeof g)
		.sort((a, b) => b.n - a.n || String(a[key]).localeCompare(String(b[key])));
}
