/**
 * Horizontal brushing over a Plot chart: drag across the plot to pick the
 * categories (x values) whose centres fall inside the dragged span. Plot has
 * no brush of its own; this reads positions from the chart's x scale.
 */
export interface XScale {
	apply: (v: unknown) => number;
	bandwidth?: number;
}

export function brushX<V>(
	node: Element & { scale?: (name: string) => XScale | undefined },
	values: readonly V[],
	onbrush: (picked: V[]) => void
): () => void {
	const svg = (
		node.tagName.toLowerCase() === 'svg' ? node : [...node.querySelectorAll('svg')].at(-1)
	) as SVGSVGElement | undefined;
	const scale = node.scale?.('x');
	if (!svg || !scale) return () => {};
	const half = (scale.bandwidth ?? 0) / 2;
	const centres = values.map((v) => scale.apply(v) + half);
	const toLocal = (clientX: number) => {
		const rect = svg.getBoundingClientRect();
		return ((clientX - rect.left) * svg.width.baseVal.value) / rect.width;
	};
	let start: number | null = null;
	let band: SVGRectElement | null = null;
	const down = (e: PointerEvent) => {
		if (e.button !== 0) return;
		start = toLocal(e.clientX);
	};
	const move = (e: PointerEvent) => {
		if (start === null) return;
		const x = toLocal(e.clientX);
		if (!band && Math.abs(x - start) < 4) return;
		if (!band) {
			band = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
			band.setAttribute('class', 'brush');
			band.setAttribute('y', '0');
			band.setAttribute('height', String(svg.height.baseVal.value));
			band.setAttribute('fill', 'currentColor');
			band.setAttribute('fill-opacity', '0.12');
			band.setAttribute('pointer-events', 'none');
			svg.append(band);
		}
		band.setAttribute('x', String(Math.min(start, x)));
		band.setAttribute('width', String(Math.abs(x - start)));
	};
	const up = (e: PointerEvent) => {
		if (start === null) return;
		const x = toLocal(e.clientX);
		const [lo, hi] = [Math.min(start, x), Math.max(start, x)];
		start = null;
		if (!band) return;
		band.remove();
		band = null;
		// The click that ends a drag is not a click on the bar under it.
		const swallow = (ev: Event) => ev.stopPropagation();
		window.addEventListener('click', swallow, { capture: true, once: true });
		setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
		const picked = values.filter((_, i) => centres[i]! >= lo && centres[i]! <= hi);
		if (picked.length) onbrush(picked);
	};
	// Capture phase: Plot's tooltip stops other pointerdown listeners on the svg.
	svg.addEventListener('pointerdown', down, true);
	window.addEventListener('pointermove', move);
	window.addEventListener('pointerup', up);
	return () => {
		svg.removeEventListener('pointerdown', down, true);
		window.removeEventListener('pointermove', move);
		window.removeEventListener('pointerup', up);
	};
}
