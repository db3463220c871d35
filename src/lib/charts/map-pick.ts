/**
 * Pointer and label helpers for the place map (Plot draws it; these read the
 * drawn SVG). Bubbles are drawn largest first, so the i-th circle of the dot
 * mark is the i-th row and later circles lie on top of earlier ones.
 */

/** The bubbles in drawing order (= row order). */
export const bubbles = (node: Element) => [
	...node.querySelectorAll<SVGCircleElement>('g[aria-label="dot"] circle')
];

/**
 * The index of the bubble under the pointer: of all circles containing the
 * point, the one drawn last (the smallest, on top). Null when none does.
 */
export function placeAt(node: Element, e: { clientX: number; clientY: number }): number | null {
	const all = bubbles(node);
	for (let i = all.length - 1; i >= 0; i--) {
		const box = all[i]!.getBoundingClientRect();
		const r = box.width / 2;
		const dx = e.clientX - (box.left + r);
		const dy = e.clientY - (box.top + box.height / 2);
		// One pixel of slack so a bubble's rim still counts.
		if (dx * dx + dy * dy <= (r + 1) * (r + 1)) return i;
	}
	return null;
}

/**
 * Keep place names readable: a name that would run past the map's edge is
 * anchored to the other side of its bubble (or put below it at the top), a
 * name that would overlap one already drawn (rows come busiest first) is
 * hidden, and the name that hides others says how many with `more` ("+2").
 */
export function fitLabels(node: Element, more: (count: number) => string): void {
	const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
	if (!svg) return;
	const frame = svg.getBoundingClientRect();
	const texts = [...node.querySelectorAll<SVGTextElement>('g.place-label text')];
	for (const text of texts) {
		let box = text.getBoundingClientRect();
		if (box.right > frame.right) text.setAttribute('text-anchor', 'end');
		else if (box.left < frame.left) text.setAttribute('text-anchor', 'start');
		box = text.getBoundingClientRect();
		if (box.top < frame.top) text.setAttribute('dy', '1.6em');
	}
	const kept: { box: DOMRect; text: SVGTextElement; hidden: number }[] = [];
	const pad = 2;
	for (const text of texts) {
		const box = text.getBoundingClientRect();
		const hit = kept.find(
			(k) =>
				box.left < k.box.right + pad &&
				box.right > k.box.left - pad &&
				box.top < k.box.bottom + pad &&
				box.bottom > k.box.top - pad
		);
		if (hit) {
			text.setAttribute('visibility', 'hidden');
			hit.hidden++;
		} else kept.push({ box, text, hidden: 0 });
	}
	for (const k of kept)
		if (k.hidden > 0) k.text.textContent = `${k.text.textContent} ${more(k.hidden)}`;
}
