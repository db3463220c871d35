/**
 * A static server for the built app that sends the headers in build/_headers, as
 * a static host would, and the precompressed copies written by compress.js
 * (`.br`, else `.gz`, by the request's Accept-Encoding; sirv then sets
 * `Content-Encoding` and `Vary: Accept-Encoding`).
 */
import { createServer } from 'node:http';
import sirv from 'sirv';
import { readHeaders } from './headers.js';

/**
 * @param {{ dir?: string, port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serveBuild({ dir = 'build', port = 0, host = '127.0.0.1' } = {}) {
	const headers = readHeaders(dir);
	const files = sirv(dir, {
		extensions: ['html'],
		single: '200.html',
		dev: false,
		etag: true,
		brotli: true,
		gzip: true,
		setHeaders(res, pathname) {
			for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
			if (pathname.startsWith('/_app/immutable/'))
				res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
			if (pathname.endsWith('.wasm')) res.setHeader('Content-Type', 'application/wasm');
		}
	});
	const server = createServer((req, res) => files(req, res));
	return new Promise((resolve) => {
		server.listen(port, host, () => {
			const address = server.address();
			const actual = typeof address === 'object' && address ? address.port : port;
			resolve({
				url: `http://${host}:${actual}`,
				close: () => new Promise((done) => server.close(() => done(undefined)))
			});
		});
	});
}
