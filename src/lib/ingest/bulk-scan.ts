/**
 * The bulk path's structure check (./pipeline.ts, "At DuckDB's speed"): one
 * pass over the raw UTF-8 bytes of the data part of a CSV (after the header
 * line) that splits records exactly as RFC 4180 does with `"` quoting, without
 * building any cell. It counts the records DuckDB must read, notes the blank
 * lines (spreadsheet rows DuckDB skips), and stops at the first thing only the
 * JavaScript reader words right: a CR byte, a NUL byte, a quote inside an
 * unquoted cell or text after a closing quote, a quote never closed, or a
 * whitespace-only line. Chunks of any size may be pushed; a record cut by a
 * chunk boundary is carried over.
 */

/** Why the bulk path hands a file back to the JavaScript reader; `offset` is a byte of the data part. */
export interface Anomaly {
	kind: 'cr' | 'nul' | 'quote' | 'unterminated' | 'whitespace-line';
	offset: number;
}

export interface ScanResult {
	/** Data records (blank lines not counted). */
	records: number;
	/** For each blank line, the number of records before it (ascending). */
	blankAfter: number[];
	anomaly: Anomaly | null;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export class RecordScan {
	#records = 0;
	#blankAfter: number[] = [];
	#anomaly: Anomaly | null = null;
	/** Bytes of an unfinished record carried into the next push. */
	#carry: Uint8Array = new Uint8Array(0);
	/** Offset, in the data part, of the first byte of `#carry`. */
	#base = 0;

	constructor(private readonly delimiter: number) {}

	get anomaly(): Anomaly | null {
		return this.#anomaly;
	}

	/** Scan one more chunk (after the previous ones). */
	push(chunk: Uint8Array): void {
		if (this.#anomaly) return;
		const buf = this.#carry.length ? concat(this.#carry, chunk) : chunk;
		const done = this.#scan(buf, false);
		this.#carry = buf.slice(done);
		this.#base += done;
	}

	/** The end of the file: a last record without a line break still counts. */
	end(): ScanResult {
		if (!this.#anomaly && this.#carry.length) this.#scan(this.#carry, true);
		return { records: this.#records, blankAfter: this.#blankAfter, anomaly: this.#anomaly };
	}

	/** Scans complete records of `buf`; returns where the unfinished one starts. */
	#scan(buf: Uint8Array, final: boolean): number {
		const stop = (kind: Anomaly['kind'], at: number) => {
			this.#anomaly = { kind, offset: this.#base + at };
			return buf.length;
		};
		const cr = buf.indexOf(CR);
		if (cr >= 0) return stop('cr', cr);
		const nul = buf.indexOf(0);
		if (nul >= 0) return stop('nul', nul);
		let start = 0;
		let pos = 0;
		let quote = buf.indexOf(QUOTE);
		for (;;) {
			if (quote >= 0 && quote < pos) quote = buf.indexOf(QUOTE, pos);
			const nl = buf.indexOf(LF, pos);
			if (quote >= 0 && (nl < 0 || quote < nl)) {
				// A quote opens a cell only at its start.
				if (quote !== start && buf[quote - 1] !== this.delimiter) return stop('quote', quote);
				let close = buf.indexOf(QUOTE, quote + 1);
				while (close >= 0 && buf[close + 1] === QUOTE) close = buf.indexOf(QUOTE, close + 2);
				if (close < 0 || (close + 1 === buf.length && !final)) {
					if (final) return stop('unterminated', quote);
					return start;
				}
				const next = buf[close + 1];
				if (next !== undefined && next !== this.delimiter && next !== LF)
					return stop('quote', close + 1);
				pos = close + 1;
				continue;
			}
			const end = nl < 0 ? (final ? buf.length : -1) : nl;
			if (end < 0) return start;
			if (end === start) {
				if (nl >= 0) this.#blankAfter.push(this.#records);
			} else if (isBlank(buf, start, end)) return stop('whitespace-line', start);
			else this.#records++;
			if (nl < 0) return buf.length;
			start = pos = nl + 1;
		}
	}
}

/** Only spaces and tabs between `from` and `to` (the JavaScript reader skips such a line). */
function isBlank(buf: Uint8Array, from: number, to: number): boolean {
	for (let i = from; i < to; i++) if (buf[i] !== 0x20 && buf[i] !== 0x09) return false;
	return true;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
	const out = new Uint8Array(a.length + b.length);
	out.set(a);
	out.set(b, a.length);
	return out;
}
