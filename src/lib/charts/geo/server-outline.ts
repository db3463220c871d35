/**
 * The map's country outlines while prerendering, so the build's picture of the
 * map has them; in the browser (null) PlaceMap loads them after mount, in a
 * chunk of their own, to keep them out of the first download.
 */
export const serverOutline = import.meta.env.SSR ? (await import('./countries')).countries() : null;
