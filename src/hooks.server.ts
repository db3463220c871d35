import type { Handle } from '@sveltejs/kit';
import { paraglideMiddleware } from '$lib/paraglide/server.js';
import { getTextDirection } from '$lib/paraglide/runtime.js';

/**
 * Renders (prerenders) each page in the language of its URL, and writes that language and its
 * direction into <html lang dir> of the served HTML (src/app.html), so an Arabic page is
 * right-to-left from the first byte, before any script runs.
 */
export const handle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) =>
				html.replace('%raqib.lang%', locale).replace('%raqib.dir%', getTextDirection(locale))
		});
	});
