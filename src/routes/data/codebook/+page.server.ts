import { readFileSync } from 'node:fs';

// Read at build time: the codebook ships as part of the prerendered page.
export const load = () => ({ codebook: readFileSync('data/README.md', 'utf8') });
