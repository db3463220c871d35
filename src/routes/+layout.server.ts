import { shippedSummary } from '$lib/server/shipped';

// Every page is prerendered to static HTML; the engine starts in the browser.
export const prerender = true;

export const load = () => ({ shipped: shippedSummary() });
