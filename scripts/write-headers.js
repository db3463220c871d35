/**
 * After `vite build`: write build/_headers (the format Netlify and Cloudflare
 * Pages read) with a Content-Security-Policy for the whole site. SvelteKit
 * puts a <meta> policy in each page, with hashes of its inline boot script,
 * but a <meta> policy does not govern workers, so the same policy, with every
 * page's hashes, is sent as a header too.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'build';
const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
	f.endsWith('.html')
);

/** @type {Map<string, Set<string>>} */
const directives = new Map();
for (const page of pages) {
	const html = readFileSync(join(dir, page), 'utf8');
	const meta = /<meta http-equiv="content-security-policy" content="([^"]+)"/i.exec(html);
	if (!meta?.[1])
		throw new Error(
			`${page}: no Content-Security-Policy <meta>; check kit.csp in svelte.config.js`
		);
	for (const part of meta[1].replaceAll('&#39;', "'").split(';')) {
		const [name, ...values] = part.trim().split(/\s+/);
		if (!name) continue;
		const set = directives.get(name) ?? new Set();
		values.forEach((v) => set.add(v));
		directives.set(name, set);
	}
}
// No other origin may frame the app (a framed /data could trap a click on "Reset"). Browsers
// ignore frame-ancestors in a <meta> policy, so it exists only here, in the header, with
// X-Frame-Options for browsers that predate it.
directives.set('frame-ancestors', new Set(["'none'"]));
const policy = [...directives].map(([name, values]) => [name, ...values].join(' ')).join('; ');

const headers = `/*
  Content-Security-Policy: ${policy}
  X-Frame-Options: DENY
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
  Cross-Origin-Opener-Policy: same-origin
  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()

/_app/immutable/*
  Cache-Control: public, max-age=31536000, immutable
`;
writeFileSync(join(dir, '_headers'), headers);
console.log(`wrote ${join(dir, '_headers')} (${pages.length} pages)`);
