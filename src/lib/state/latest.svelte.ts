export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * Latest-request-wins loading with a status and an error a panel shows.
 * Subclasses call #-free `latest(work, apply)`: `apply` runs only if no newer
 * request started meanwhile; a failure of the latest request sets `error`.
 */
export class LatestLoad {
	status = $state<LoadStatus>('idle');
	error = $state<string | null>(null);
	#seq = 0;

	protected async latest<T>(work: () => Promise<T>, apply: (result: T) => void): Promise<void> {
		const seq = ++this.#seq;
		this.status = 'loading';
		try {
			const result = await work();
			if (seq !== this.#seq) return;
			apply(result);
			this.error = null;
			this.status = 'ready';
		} catch (e) {
			if (seq !== this.#seq) return;
			this.error = e instanceof Error ? e.message : String(e);
			this.status = 'error';
		}
	}
}
