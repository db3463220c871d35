/**
 * Line endings outside quotes, made uniform. A file may end its header in LF
 * and its rows in CRLF (an edited export), or use CR alone (old Mac). Every
 * unquoted CRLF and lone CR becomes LF here, before the CSV parser, so no
 * value keeps a trailing CR. Line breaks inside a quoted field are part of
 * the value and stay exactly as written. Quote state is tracked across
 * pieces with RFC 4180's rule: every `"` toggles it (a doubled `""` toggles
 * twice). Counts of each ending are kept, so the caller knows whether the
 * whole file used one style (and DuckDB can read it with that `new_line`).
 */
export interface EndingCounts {
	lf: number;
	crlf: number;
	cr: number;
}

export class LineEndings {
	#quoted = false;
	/** A CR that ended the previous piece: CRLF or lone CR is decided by the next piece. */
	#pendingCr = false;
	readonly counts: EndingCounts = { lf: 0, crlf: 0, cr: 0 };

	/** The style used, when exactly one was: DuckDB's `new_line` for the original bytes. */
	get uniform(): '\n' | '\r\n' | '\r' | null {
		const { lf, crlf, cr } = this.counts;
		const kinds = [lf && '\n', crlf && '\r\n', cr && '\r'].filter(Boolean) as (
			'\n' | '\r\n' | '\r'
		)[];
		if (kinds.length === 0) return '\n';
		return kinds.length === 1 ? kinds[0]! : null;
	}

	/** The piece with unquoted CRLF and CR turned into LF (a CR at its very end is held back). */
	push(text: string): string {
		const parts: string[] = [];
		let from = 0;
		// The LF that completes a CRLF cut by the piece boundary (counted here, not below).
		const joined = this.#pendingCr && text.startsWith('\n');
		if (this.#pendingCr) {
			this.#pendingCr = false;
			if (joined) this.counts.crlf++;
			else {
				this.counts.cr++;
				parts.push('\n');
			}
		}
		let cr = text.indexOf('\r');
		let lf = text.indexOf('\n');
		let i = 0;
		const n = text.length;
		while (i < n) {
			const q = text.indexOf('"', i);
			const stop = q < 0 ? n : q;
			if (!this.#quoted) {
				// Unquoted run [i, stop): count LFs, rewrite CRs.
				for (;;) {
					if (lf >= 0 && lf < i) lf = text.indexOf('\n', i);
					if (cr >= 0 && cr < i) cr = text.indexOf('\r', i);
					const lfIn = lf >= 0 && lf < stop;
					const crIn = cr >= 0 && cr < stop;
					if (!lfIn && !crIn) break;
					if (lfIn && (!crIn || lf < cr)) {
						if (lf > 0 && text[lf - 1] === '\r') this.counts.crlf++;
						else if (lf > 0 || !joined) this.counts.lf++;
						i = lf + 1;
						continue;
					}
					// A CR: dropped; a lone one becomes LF (its LF, if any, is counted as CRLF above).
					parts.push(text.slice(from, cr));
					from = cr + 1;
					if (cr + 1 === n) this.#pendingCr = true;
					else if (text[cr + 1] !== '\n') {
						this.counts.cr++;
						parts.push('\n');
					}
					i = cr + 1;
				}
			}
			if (q < 0) break;
			this.#quoted = !this.#quoted;
			i = q + 1;
		}
		parts.push(text.slice(from));
		return parts.join('');
	}

	/** The text left when the file has ended. */
	end(): string {
		if (!this.#pendingCr) return '';
		this.#pendingCr = false;
		this.counts.cr++;
		return '\n';
	}
}
