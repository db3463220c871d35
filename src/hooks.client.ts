import type { HandleClientError } from '@sveltejs/kit';

/**
 * An address with no page is not an error of the app: the not-found page
 * (routes/+error.svelte) says so. Anything else is logged as SvelteKit's
 * default would, and its message shown on the error page.
 */
export const handleError: HandleClientError = ({ error, status, message }) => {
	if (status !== 404) console.error(error);
	return { message };
};
