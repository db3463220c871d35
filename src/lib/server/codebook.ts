/**
 * The codebook (data/README.md) as HTML, rendered at build time with
 * markdown-it (CommonMark plus GitHub tables) and markdown-it-anchor (heading
 * ids). Never shipped as code: the prerendered page carries the HTML.
 *
 * - Raw HTML in the Markdown is escaped, not passed through (`html: false`).
 * - Runs of Arabic script (the report quotes the codebook cites) are wrapped
 *   in `<bdi dir="rtl" lang="ar">`, so they read right to left inside English
 *   sentences and cannot reorder the text around them.
 * - Links are kept only when a reader of the page can follow them: to a
 *   heading of this page (`#…`) or to the web (`https:`). A link to a file
 *   of the repository (`../src/…`) becomes plain text.
 * - Tables sit in a scrolling box so that phones can read them.
 */
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

export interface CodebookHeading {
	/** 2 for `##`, 3 for `###`. */
	level: number;
	id: string;
	text: string;
}

export interface Codebook {
	/** The page's title (the Markdown's first `#` heading), not repeated in `html`. */
	title: string;
	html: string;
	/** The `##` and `###` headings in order, for the table of contents. */
	toc: CodebookHeading[];
}

/** Arabic letters (and presentation forms), with spaces and Arabic punctuation between words. */
const ARABIC_RUN =
	/[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+(?:[\s\u060C\u061B\u061F]+[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+)*/g;

/** Text as HTML with every Arabic run isolated and marked right-to-left. */
function isolateArabic(text: string, escape: (s: string) => string): string {
	let out = '';
	let last = 0;
	for (const m of text.matchAll(ARABIC_RUN)) {
		out += escape(text.slice(last, m.index)) + `<bdi dir="rtl" lang="ar">${escape(m[0])}</bdi>`;
		last = m.index + m[0].length;
	}
	return out + escape(text.slice(last));
}

/** GitHub's heading ids: lower case, letters, digits, `-` and `_` only, spaces as `-` (`incidents.csv` → `incidentscsv`). */
function slugify(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');
}

/** A link a reader of the rendered page can follow: in-page or on the web. */
function followable(href: string): boolean {
	return href.startsWith('#') || /^https:\/\//i.test(href);
}

function renderer(): InstanceType<typeof MarkdownIt> {
	const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
	const escape = md.utils.escapeHtml;
	md.use(anchor, { level: [2, 3], slugify });
	md.renderer.rules.text = (tokens, i) => isolateArabic(tokens[i]!.content, escape);
	md.renderer.rules.code_inline = (tokens, i) =>
		`<code>${isolateArabic(tokens[i]!.content, escape)}</code>`;
	md.renderer.rules.table_open = () => '<div class="table-scroll"><table>\n';
	md.renderer.rules.table_close = () => '</table></div>\n';
	// Links nobody can follow from the page (repository files) lose their link, keep their text.
	md.core.ruler.push('followable_links', (state) => {
		for (const block of state.tokens) {
			if (!block.children) continue;
			const drop = new Set<number>();
			block.children.forEach((t, i) => {
				if (t.type !== 'link_open' || followable(String(t.attrGet('href') ?? ''))) return;
				drop.add(i);
				let depth = 0;
				for (let j = i; j < block.children!.length; j++) {
					const u = block.children![j]!;
					if (u.type === 'link_open') depth++;
					if (u.type === 'link_close' && --depth === 0) {
						drop.add(j);
						break;
					}
				}
			});
			block.children = block.children.filter((_, i) => !drop.has(i));
			for (const t of block.children)
				if (t.type === 'link_open' && !String(t.attrGet('href')).startsWith('#'))
					t.attrSet('rel', 'noreferrer');
		}
	});
	return md;
}

/** Render the codebook's Markdown. Throws only if markdown-it does (it accepts any text). */
export function renderCodebook(markdown: string): Codebook {
	const md = renderer();
	const env = {};
	const tokens = md.parse(markdown, env);
	const toc: CodebookHeading[] = [];
	let title = '';
	for (let i = 0; i < tokens.length; i++) {
		const t = tokens[i]!;
		if (t.type !== 'heading_open') continue;
		const text = (tokens[i + 1]!.children ?? ([] as Token[]))
			.filter((c) => c.type === 'text' || c.type === 'code_inline')
			.map((c) => c.content)
			.join('');
		const level = Number(t.tag.slice(1));
		if (level === 1 && !title) {
			title = text;
			// The page shows the title itself, in its own <h1>.
			tokens.splice(i, 3);
			i--;
			continue;
		}
		if (level === 2 || level === 3) toc.push({ level, id: String(t.attrGet('id') ?? ''), text });
	}
	return { title, html: md.renderer.render(tokens, md.options, env), toc };
}
