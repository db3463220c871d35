/**
 * Seeded randomness for the synthetic generator: the same seed gives the same
 * sequence on every machine and Node version (no Math.random anywhere).
 */

/** sfc32: a small, fast 32-bit generator with a long period; returns floats in [0, 1). */
export function rng(seed: number): () => number {
	let a = 0x9e3779b9;
	let b = 0x243f6a88;
	let c = 0xb7e15162;
	let d = seed >>> 0;
	const next = () => {
		a >>>= 0;
		b >>>= 0;
		c >>>= 0;
		d >>>= 0;
		const t = (a + b + d) | 0;
		d = (d + 1) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		c = (c + t) | 0;
		return (t >>> 0) / 4294967296;
	};
	// Mix the seed in before the first value is used.
	for (let i = 0; i < 15; i++) next();
	return next;
}

/** Zipf weights 1/k^s for ranks 1..n: a few items take most of the mass. */
export function zipfWeights(n: number, s = 1.1): number[] {
	return Array.from({ length: n }, (_, k) => 1 / (k + 1) ** s);
}

/** Draws from a discrete distribution over `items` by binary search on the cumulative weights. */
export class Choice<T> {
	readonly items: readonly T[];
	readonly #cumulative: Float64Array;

	constructor(items: readonly T[], weights: readonly number[] = items.map(() => 1)) {
		if (items.length === 0) throw new Error('Choice needs at least one item');
		if (weights.length !== items.length) throw new Error('one weight per item');
		this.items = items;
		this.#cumulative = new Float64Array(items.length);
		let sum = 0;
		weights.forEach((w, i) => (this.#cumulative[i] = sum += w));
		for (let i = 0; i < items.length; i++) this.#cumulative[i]! /= sum;
	}

	/** The item whose cumulative band holds u, a uniform draw in [0, 1). */
	pick(u: number): T {
		const c = this.#cumulative;
		let lo = 0;
		let hi = c.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (u < c[mid]!) hi = mid;
			else lo = mid + 1;
		}
		return this.items[lo]!;
	}

	/** The probability of each item, in order (for the SQL form of the same distribution). */
	probabilities(): number[] {
		return Array.from(this.#cumulative, (c, i) => c - (i ? this.#cumulative[i - 1]! : 0));
	}
}

/** Fisher-Yates with a seeded source: which companion rows get the top Zipf ranks. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}
