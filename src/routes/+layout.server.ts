import { shippedSummary } from '$lib/server/shipped';

// Every page is prerendered to static HTML; the engine starts in the browser.
export const prerender = true;

// Pages are written as sql/index.html and data/index.html, which every static server
// (even one with no URL rewriting) serves for /sql/ and redirects /sql to.
export const trailingSlash = 'always';

export const load = () => ({ shipped: shippedSummary() });
