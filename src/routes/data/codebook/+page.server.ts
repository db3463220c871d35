import { readFileSync } from 'node:fs';
import { renderCodebook } from '$lib/server/codebook';

// Rendered at build time: the page ships as HTML, not as Markdown or a Markdown library.
export const load = () => ({ codebook: renderCodebook(readFileSync('data/README.md', 'utf8')) });
