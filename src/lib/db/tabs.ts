/**
 * Tabs agreeing on the saved uploads. Every change to them (apply, create,
 * remove, reset, forget) runs holding one Web Lock, so two tabs never apply
 * at the same time (Web Locks API; where it is missing, one tab's own queue
 * still serialises). A staged file remembers the saved uploads as they were
 * when it was checked (`stamp`); if another tab changed them since, applying
 * it is refused with StaleUploadError and nothing is changed.
 */
import { readUploads } from './store';

const LOCK = 'raqib-uploads';

/** Another tab changed the saved uploads after this file was checked: nothing was applied or saved. */
export class StaleUploadError extends Error {
	constructor() {
		super('another tab changed the saved uploads after this file was checked');
	}
}

/** Run `work` holding the saved-uploads lock shared by every tab of this origin. */
export function exclusive<T>(work: () => Promise<T>): Promise<T> {
	const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
	return locks ? locks.request(LOCK, work) : work();
}

/** The saved uploads' ids (damaged records' too), as one string that changes whenever they change. */
export async function storeStamp(): Promise<string> {
	try {
		const { uploads, skipped } = await readUploads();
		return `${uploads.map((u) => u.id).join(',')}|${skipped.map((s) => s.id).join(',')}`;
	} catch {
		return 'unreadable';
	}
}

/**
 * This tab's view of the saved uploads: the stamp after its own last change.
 * A staged file is stale when the stamp moved since it was checked and the
 * move was not this tab's own doing.
 */
class TabStamp {
	#own: string | null = null;

	/** Record the stamp after a change this tab made (call inside `exclusive`). */
	async changed(): Promise<void> {
		this.#own = await storeStamp();
	}

	/** Throw StaleUploadError when another tab changed the saved uploads since `staged` (call inside `exclusive`). */
	async check(staged: string): Promise<void> {
		const now = await storeStamp();
		if (now !== staged && now !== this.#own) throw new StaleUploadError();
	}
}

/** This tab's last own change to the saved uploads. */
export const tab = new TabStamp();

/** Change the saved uploads holding the cross-tab lock, then note the change as this tab's own. */
export function change<T>(work: () => Promise<T>): Promise<T> {
	return exclusive(async () => {
		const result = await work();
		await tab.changed();
		return result;
	});
}
