import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { once } from 'node:events';
import { readCompanions } from './companions';
import { Synth } from './synth';

export interface GenOptions {
	rows: number;
	seed: number;
	out: string;
	/** Where the companion tables are read from. */
	data?: string;
}

export interface GenResult {
	rows: number;
	bytes: number;
	seconds: number;
}

const CHUNK = 8 << 20;

/**
 * Write `rows` synthetic incidents to `out`, streaming: memory stays flat
 * whatever the size. Each line is encoded straight into an 8 MB buffer
 * (3× faster than joining lines into a string first); full buffers are
 * written with backpressure.
 */
export async function writeIncidentsCsv(opts: GenOptions): Promise<GenResult> {
	const started = performance.now();
	const synth = new Synth(opts.seed, readCompanions(opts.data));
	await mkdir(dirname(opts.out), { recursive: true });
	const file = createWriteStream(opts.out);
	const failed = once(file, 'error').then(([e]) => Promise.reject(e as Error));
	failed.catch(() => {});
	let bytes = 0;
	let buf = Buffer.allocUnsafe(CHUNK);
	let used = 0;
	const flush = async () => {
		bytes += used;
		const full = file.write(buf.subarray(0, used));
		buf = Buffer.allocUnsafe(CHUNK);
		used = 0;
		if (!full) await Promise.race([once(file, 'drain'), failed]);
	};
	// UTF-8 needs at most 3 bytes per UTF-16 unit.
	const fits = (text: string) => used + text.length * 3 + 1 <= CHUNK;
	const line = (text: string) => {
		used += buf.write(text, used);
		buf[used++] = 0x0a;
	};
	line(synth.header);
	for (let i = 0; i < opts.rows; i++) {
		const text = synth.next();
		if (!fits(text)) await flush();
		line(text);
	}
	await flush();
	file.end();
	await Promise.race([once(file, 'finish'), failed]);
	return { rows: opts.rows, bytes, seconds: (performance.now() - started) / 1000 };
}
