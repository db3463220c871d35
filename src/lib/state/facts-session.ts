import type { Connector } from '$lib/db/connector';
import { buildFacts } from '$lib/query/facts';

/**
 * A connection of its own for the analyses beside the dashboard's charts
 * (the "What changed" panel, the A/B comparison, the printable brief), with
 * its own copy of the facts table (a TEMP table lives on one connection), so
 * they never wait in, or cancel, the charts' queue. Statements on one
 * connection must not overlap, so tasks run one at a time, in order.
 *
 * Cost: the facts table is built twice (once here). Fine for the tables this
 * app ships and typical uploads; a 10M-row bench dataset pays double memory.
 */
export class FactsSession {
	#connect: () => Promise<Connector>;
	#generation: () => number;
	#conn: Promise<Connector> | null = null;
	/** The engine generation #conn belongs to. */
	#connGeneration = -1;
	#version = -1;
	#queue: Promise<unknown> = Promise.resolve();

	/**
	 * `connect` opens the connection (called once, again after a failure, and
	 * again when `generation` moved: the engine restarted, so the connection and
	 * its facts table died with the old one).
	 */
	constructor(connect: () => Promise<Connector>, generation: () => number = () => 0) {
		this.#connect = connect;
		this.#generation = generation;
	}

	/**
	 * Run `task` once the facts table matches table-contents `version` (the
	 * engine's counter); tasks run one at a time. Rejects with the task's or the
	 * connection's error.
	 */
	run<T>(version: number, task: (c: Connector) => Promise<T>): Promise<T> {
		const go = async () => {
			const g = this.#generation();
			if (g !== this.#connGeneration) {
				this.#conn = null;
				this.#version = -1;
				this.#connGeneration = g;
			}
			this.#conn ??= this.#connect();
			let c: Connector;
			try {
				c = await this.#conn;
			} catch (e) {
				this.#conn = null;
				throw e;
			}
			if (this.#version !== version) {
				await c.exec(buildFacts());
				this.#version = version;
			}
			return task(c);
		};
		const p = this.#queue.then(go, go);
		this.#queue = p.catch(() => {});
		return p;
	}
}
