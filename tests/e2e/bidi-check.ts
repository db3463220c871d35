import type { Page } from 'playwright-core';

/**
 * Every place on the page where one of `names` (values from data, each
 * carrying `marker`, e.g. U+202E RIGHT-TO-LEFT OVERRIDE) is shown without an
 * isolate around it, as "where: text" strings (empty when all are isolated).
 *
 * A value is isolated when
 * - in text: the nearest ancestor that ends the bidi run (an element with
 *   `unicode-bidi: isolate`/`plaintext`, `<bdi>`, any `dir` attribute, a
 *   block/cell/option, or an SVG `<text>`) holds nothing but values carrying
 *   the marker, or the value sits between U+2068 FIRST STRONG ISOLATE and
 *   U+2069 POP DIRECTIONAL ISOLATE;
 * - in an attribute (title, aria-label, placeholder): the attribute is the
 *   value alone, or the value is wrapped in U+2068 … U+2069.
 */
export function unisolated(page: Page, marker: string, names: string[]): Promise<string[]> {
	return page.evaluate(
		([marker, names]) => {
			/** What is left of `text` once every value is taken out. */
			const without = (text: string) =>
				names.reduce((t, n) => t.split(n).join(' '), text).replace(/[\s,;·—()]+/g, '');
			const bad: string[] = [];
			/** True when each occurrence of the marker is inside an FSI … PDI pair. */
			const wrapped = (text: string) => {
				let depth = 0;
				for (const ch of text) {
					if (ch === '\u2066' || ch === '\u2067' || ch === '\u2068') depth++;
					else if (ch === '\u2069') depth = Math.max(0, depth - 1);
					else if (ch === marker && depth === 0) return false;
				}
				return true;
			};
			const ends = (el: Element) => {
				if (el.tagName === 'BDI' || el.hasAttribute('dir') || el.tagName.toLowerCase() === 'text')
					return true;
				if (el.tagName === 'OPTION' || el.tagName === 'TITLE') return true;
				const style = getComputedStyle(el);
				return (
					/isolate|plaintext/.test(style.unicodeBidi) ||
					!/^inline/.test(style.display) ||
					el instanceof SVGElement
				);
			};
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const text = node.nodeValue ?? '';
				if (!text.includes(marker) || wrapped(text)) continue;
				let el = node.parentElement;
				while (el && !ends(el)) el = el.parentElement;
				if (!el) continue;
				// Only values (separated by nothing but spaces and list marks) inside.
				const inside = (el.textContent ?? '').trim();
				if (without(inside) === '') continue;
				bad.push(`text in <${el.tagName.toLowerCase()}>: ${JSON.stringify(inside.slice(0, 120))}`);
			}
			for (const el of Array.from(document.body.querySelectorAll('*'))) {
				for (const name of ['title', 'aria-label', 'placeholder', 'alt']) {
					const value = el.getAttribute(name);
					if (!value || !value.includes(marker) || wrapped(value) || without(value) === '')
						continue;
					bad.push(
						`${name} of <${el.tagName.toLowerCase()}>: ${JSON.stringify(value.slice(0, 120))}`
					);
				}
			}
			return bad;
		},
		[marker, names] as const
	);
}
