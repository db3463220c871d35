// Every page is prerendered to static HTML; the engine starts in the browser.
export const prerender = true;

// Pages are written as sql/index.html and data/index.html, which every static server
// (even one with no URL rewriting) serves for /sql/ and redirects /sql to.
export const trailingSlash = 'always';

/** The shipped data's summary, read at build time (vite.config.ts), for the footer until the engine is up. */
export const load = () => ({ shipped: __SHIPPED__ });
