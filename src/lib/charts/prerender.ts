/**
 * Charts in the prerendered HTML: ChartFrame draws each chart at build time
 * with the chart's own `draw` on a server-side DOM (server-document.ts) and
 * wraps the SVG in a marker saying what it shows and at which width. In the
 * browser, the marker decides whether that picture can stay as it is.
 */
import { serverDocument } from './server-document';

/** A width within 5 % of the build's: the SVG scales (viewBox) without visibly changing its text. */
const WIDTH_SLACK = 0.05;

/** FNV-1a over the text: a short, stable fingerprint (not a security hash). */
function fingerprint(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return (h >>> 0).toString(16).padStart(8, '0');
}

/** What a chart shows: its title, its accessible label, its rows, and anything else the chart names. */
export function chartKey(
	title: string,
	label: string,
	rows: readonly object[],
	revision: string | number
): string {
	return fingerprint(JSON.stringify([title, label, rows, revision]));
}

/**
 * The chart drawn at `width` on a server-side DOM, as markup with its marker;
 * a comment when there is no such DOM or drawing failed (the page then shows
 * the chart once the app runs, as without prerendering). Never '' (see ChartFrame).
 */
export function prerender(
	draw: (width: number, document?: Document) => Element,
	width: number,
	key: string
): string {
	const document = serverDocument();
	if (!document) return '<!-- no chart prerendered -->';
	try {
		const svg = draw(width, document).outerHTML;
		return `<div class="prerendered" data-prerendered="${key}" data-width="${width}">${svg}</div>`;
	} catch (error) {
		console.warn(`chart not prerendered: ${error instanceof Error ? error.message : error}`);
		return '<!-- no chart prerendered -->';
	}
}

/** Whether `container` holds the build's picture of exactly this data at about this width. */
export function canKeep(container: Element, key: string, width: number): boolean {
	const held = container.querySelector<HTMLElement>(':scope > [data-prerendered]');
	if (!held || held.dataset.prerendered !== key) return false;
	const built = Number(held.dataset.width);
	return Math.abs(width - built) <= built * WIDTH_SLACK;
}
