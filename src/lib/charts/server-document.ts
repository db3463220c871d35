/**
 * A DOM for drawing charts while prerendering (linkedom): Plot builds its SVG
 * with `document.createElementNS`, and the page's HTML then carries the charts
 * before any script runs. In the browser build `import.meta.env.SSR` is false,
 * so the import is dropped and linkedom (a devDependency) never ships.
 */
const linkedom = import.meta.env.SSR ? await import('linkedom') : null;

/** A fresh, empty document on the server; undefined in the browser (Plot then uses window.document). */
export function serverDocument(): Document | undefined {
	if (!linkedom) return undefined;
	return linkedom.parseHTML('<!doctype html><html><head></head><body></body></html>')
		.document as unknown as Document;
}
