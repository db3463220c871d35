/**
 * Share links carry the query in the URL fragment (`/sql#q=…`): a fragment
 * never reaches the server, so queries stay out of server logs and a long
 * query cannot hit a server's header-size limit (HTTP 431). Links made
 * before this used `?q=…` and still open.
 */
export function shareUrl(current: URL, sql: string): string {
	return `${current.origin}${current.pathname}#${new URLSearchParams({ q: sql })}`;
}

/** The query a link carries: the fragment's `q`, else an old link's `?q=`; null when none. */
export function sharedQuery(url: URL): string | null {
	const fromHash = new URLSearchParams(url.hash.replace(/^#/, '')).get('q');
	return fromHash ?? url.searchParams.get('q');
}
