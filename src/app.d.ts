// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {}
	/** The shipped data's summary, computed at build time (vite.config.ts `define`). */
	const __SHIPPED__: import('$lib/server/shipped').ShippedSummary;
}

export {};
