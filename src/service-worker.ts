/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Raqib's service worker: after the first visit the app opens and works with
 * no network. At install it copies the whole build (pages, code, the engine of
 * the bundle this browser runs, the shipped data, icons) into a cache named
 * after the build's version, and answers every request for those files from
 * that cache. Uploads are not here: they live in IndexedDB (src/lib/db/store.ts).
 *
 * Updates: a new build's worker installs beside the old one and WAITS. The page
 * shows "A new version is available — reload" (UpdateNotice.svelte); only when
 * the user reloads through it does the page send 'skip-waiting'. The old cache
 * is deleted when the new worker activates, never before, so an open tab of the
 * old build keeps loading its own chunks.
 */
import { base, build, files, prerendered, version } from '$service-worker';
import { EXCEPTIONS_PROBE, pageFor, precacheList } from '$lib/offline/precache';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `raqib-${version}`;
const lists = { base, build, files, prerendered };
const PRECACHE = precacheList(lists, WebAssembly.validate(EXCEPTIONS_PROBE));
const CACHED = new Set(PRECACHE);

sw.addEventListener('install', (event) => {
	// Pages and static files are revalidated with the server (cache: 'no-cache'), so a new worker
	// never stores an older build's HTML from the HTTP cache; hashed files under /_app/immutable/
	// never change, so the copies the first visit left in the HTTP cache are taken as they are.
	const request = (url: string) =>
		new Request(url, { cache: url.includes('/_app/immutable/') ? 'default' : 'no-cache' });
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map(request))));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys())
				if (key !== CACHE && key.startsWith('raqib-')) await caches.delete(key);
			// The first visit's tab is controlled at once, so it works offline without a reload.
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data === 'skip-waiting') void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	const key =
		request.mode === 'navigate'
			? pageFor(url.pathname, lists)
			: CACHED.has(url.pathname)
				? url.pathname
				: null;
	if (key === null) return; // not part of the build: the network, as without a worker
	event.respondWith(
		caches
			.open(CACHE)
			.then((cache) => cache.match(key))
			.then((hit) => hit ?? fetch(request))
	);
});
