import type { Locator, Page } from 'playwright-core';

/**
 * Latin text an Arabic page may show: names of formats and standards (Parquet, Arrow) written in Latin letters in
 * Arabic too, key names, file names, and source names the data writes so ('Natural Earth', an
 * outlet's own name 'SY24'), and the prefix of Raqib's incident ids (DEZ). Everything else must be
 * Arabic.
 */
const ALLOWED = [
	'\\b(?:SQL|SVG|PNG|CSV|TSV|PDF|ACLED|DuckDB|WebAssembly|Parquet|Arrow|Feather|UTF-8|Ctrl|Enter|Shift|Alt|Mac|Natural Earth|SY24|DEZ)\\b',
	'[\\w./-]+\\.(?:csv|tsv|txt|md|parquet|arrow|feather|json)\\b'
];
/** Text that is code or a stated other-language fragment: SQL, identifiers, data in English. */
const EXEMPT = 'code, pre, kbd, samp, .cm-editor, [lang="en"], [translate="no"]';

/** Visible text nodes (of the page, or under a locator) with Latin letters left after the allow-list, with their element's tag. */
export async function latinText(page: Page | Locator): Promise<string[]> {
	const root = 'goto' in page ? page.locator('body') : page;
	return root.evaluate(
		(body, [allowed, exempt]) => {
			const patterns = allowed.map((p) => new RegExp(p, 'g'));
			const out: string[] = [];
			const walk = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
			for (let n = walk.nextNode(); n; n = walk.nextNode()) {
				const el = n.parentElement;
				if (!el || el.closest('script, style, title') || el.closest(exempt)) continue;
				if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
				let text = n.textContent ?? '';
				for (const p of patterns) text = text.replace(p, '');
				if (/[A-Za-z]/.test(text)) out.push(`<${el.tagName.toLowerCase()}> ${text.trim()}`);
			}
			return out;
		},
		[ALLOWED, EXEMPT] as const
	);
}
