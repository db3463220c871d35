/**
 * The service worker's registration as the shell sees it: whether offline use
 * is set up, and whether a newer build is installed and waiting for a reload.
 * The worker itself is src/service-worker.ts.
 */

/** How often an open tab asks the server for a newer service worker (the browser also asks on every page load). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface UpdateEnvironment {
	container: ServiceWorkerContainer;
	/** Reload the page (location.reload in the app; injected for tests). */
	reload: () => void;
}

export class AppUpdate {
	/** A new build's worker is installed and waits for this tab to reload. */
	available = $state(false);
	/** Offline use could not be set up (the registration failed), in the browser's words. */
	error = $state<string | null>(null);
	#env: UpdateEnvironment;
	#registration: ServiceWorkerRegistration | null = null;
	#reloading = false;
	#timer: ReturnType<typeof setInterval> | null = null;

	constructor(env: UpdateEnvironment) {
		this.#env = env;
	}

	/** Register the worker at `url` and watch for newer builds. Errors go to `error`, never thrown. */
	async register(url: string): Promise<void> {
		try {
			const reg = await this.#env.container.register(url);
			this.#registration = reg;
			// A worker already waiting from an earlier visit (the tab was opened on the old build).
			if (reg.waiting && this.#env.container.controller) this.available = true;
			reg.addEventListener('updatefound', () => this.#watch(reg.installing));
			this.#env.container.addEventListener('controllerchange', () => {
				// Only the tab that asked reloads; other tabs keep running and show the notice.
				if (this.#reloading) this.#env.reload();
			});
			this.#timer = setInterval(() => void this.check(), CHECK_EVERY_MS);
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		}
	}

	/** Ask the server whether the service worker changed (a new build was deployed). */
	async check(): Promise<void> {
		try {
			await this.#registration?.update();
		} catch {
			// Offline or the server is down: the next check will tell.
		}
	}

	/** Switch to the waiting build: its worker takes over, then this tab reloads once. */
	reload(): void {
		const waiting = this.#registration?.waiting;
		if (!waiting) return this.#env.reload();
		this.#reloading = true;
		waiting.postMessage('skip-waiting');
	}

	/** Stop the periodic check (the shell is being torn down). */
	stop(): void {
		if (this.#timer !== null) clearInterval(this.#timer);
		this.#timer = null;
	}

	#watch(worker: ServiceWorker | null): void {
		worker?.addEventListener('statechange', () => {
			// 'installed' with a controller present = an update; without one = the first install.
			if (worker.state === 'installed' && this.#env.container.controller) this.available = true;
		});
	}
}
