import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCodebook } from '../../../src/lib/server/codebook';

describe('the codebook page (data/README.md rendered at build time)', () => {
	const shipped = renderCodebook(readFileSync('data/README.md', 'utf8'));

	it('has the title, headings with ids, tables and a table of contents of the shipped codebook', () => {
		expect(shipped.title).toBeTruthy();
		expect(shipped.html).not.toContain(`<h1`);
		expect(shipped.toc.length).toBeGreaterThan(5);
		for (const h of shipped.toc) {
			expect(shipped.html).toContain(`<h${h.level} id="${h.id}"`);
			expect(h.text).not.toMatch(/[`*]/);
		}
		expect(shipped.html).toContain('<div class="table-scroll"><table>');
		expect(shipped.html).not.toMatch(/<p>\s*\|/);
	});

	it('links nowhere a reader of the page cannot go, and never to a repository file', () => {
		for (const [, href] of shipped.html.matchAll(/href="([^"]*)"/g))
			expect(href, href).toMatch(/^(#|https:\/\/)/);
	});

	it('isolates Arabic quotes right-to-left inside English text', () => {
		const { html } = renderCodebook(
			'## Words\n\nThe report says "التحالف الدولي" (the coalition), and `قذيفة` in code.\n'
		);
		expect(html).toContain(
			'&quot;<bdi dir="rtl" lang="ar">التحالف الدولي</bdi>&quot; (the coalition)'
		);
		expect(html).toContain('<code><bdi dir="rtl" lang="ar">قذيفة</bdi></code>');
		expect(shipped.html).toContain('<bdi dir="rtl" lang="ar">');
	});

	it('escapes raw HTML and unlinks repository paths, keeping their text', () => {
		const { html, toc } = renderCodebook(
			'# T\n\n## A `code` heading\n\n<script>alert(1)</script>\n\nSee [the schema](../src/lib/schema/) or [ACLED](https://acleddata.com/) or [below](#a-code-heading).\n'
		);
		expect(html).not.toContain('<script>');
		expect(html).toContain('&lt;script&gt;');
		expect(html).toContain(
			'See the schema or <a href="https://acleddata.com/" rel="noreferrer">ACLED</a>'
		);
		expect(html).toContain('<a href="#a-code-heading">below</a>');
		expect(toc).toEqual([{ level: 2, id: 'a-code-heading', text: 'A code heading' }]);
	});
});
