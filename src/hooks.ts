import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime.js';

/** /ar/sql/ is served by the route of /sql/ (the language is read from the URL, src/lib/i18n/locale.ts). */
export const reroute: Reroute = ({ url }) => deLocalizeUrl(url).pathname;
