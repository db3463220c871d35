/**
 * The HTTP headers every response of the built app carries, read from
 * build/_headers (written by write-headers.js). Shared by the local server
 * and the end-to-end tests so that they serve exactly what a host would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} dir the build directory */
export function readHeaders(dir) {
	/** @type {Record<string, string>} */
	const headers = {};
	const text = readFileSync(join(dir, '_headers'), 'utf8');
	let path = '';
	for (const line of text.split('\n')) {
		if (/^\S/.test(line)) path = line.trim();
		const m = /^\s+([\w-]+):\s*(.+)$/.exec(line);
		// Only the site-wide block; the server adds the immutable caching itself.
		if (m?.[1] && m[2] && path === '/*') headers[m[1]] = m[2].trim();
	}
	return headers;
}
