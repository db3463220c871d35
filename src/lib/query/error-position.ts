/**
 * Where a DuckDB error points in the statement that raised it. DuckDB appends
 *
 *     LINE 3: SELECT x FROM incidents
 *                    ^
 *
 * to parser and binder errors, cutting long lines to a window marked with
 * "...". This finds the character the caret points at, as an offset into the
 * statement text.
 */
export function errorOffset(message: string, statement: string): number | null {
	const m = /LINE (\d+): ([^\n]*)\n( *)\^/.exec(message);
	if (!m) return null;
	const lineNo = Number(m[1]);
	const printed = m[2]!;
	const caret = m[3]!.length - `LINE ${m[1]}: `.length;
	const lines = statement.split('\n');
	const line = lines[lineNo - 1];
	if (line === undefined || caret < 0) return null;
	const lead = printed.startsWith('...') ? 3 : 0;
	const trail = printed.endsWith('...') && printed.length > lead + 3 ? 3 : 0;
	const window = printed.slice(lead, printed.length - trail);
	const at = line.indexOf(window);
	const column = (at < 0 ? 0 : at) + caret - lead;
	const lineStart = lines.slice(0, lineNo - 1).reduce((n, l) => n + l.length + 1, 0);
	return anchor(message, statement, lineStart + Math.max(0, Math.min(column, line.length)));
}

/**
 * DuckDB draws the caret in characters for some errors and in UTF-8 bytes
 * (or worse) for others, so after Arabic text it lands too far left or right.
 * When the message names the token ("at or near "FORM"", column "x",
 * string 'x'), the offset moves to the occurrence of that token on the same
 * line nearest to where DuckDB pointed. Otherwise `approx` stands.
 */
export function anchor(message: string, statement: string, approx: number): number {
	const head = message.split('\n')[0] ?? '';
	const tokens = [...head.matchAll(/"([^"\n]+)"|('[^'\n]*')/g)].map((m) => m[1] ?? m[2]!);
	const lineStart = statement.lastIndexOf('\n', approx - 1) + 1;
	const lineEnd = statement.indexOf('\n', approx);
	const line = statement.slice(lineStart, lineEnd < 0 ? statement.length : lineEnd).toLowerCase();
	let best: number | null = null;
	for (const token of tokens) {
		const t = token.toLowerCase();
		for (let at = line.indexOf(t); at >= 0; at = line.indexOf(t, at + 1)) {
			const offset = lineStart + at;
			if (best === null || Math.abs(offset - approx) < Math.abs(best - approx)) best = offset;
		}
	}
	return best ?? approx;
}

/** 1-based line and column of an offset, for saying where an error is in words. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, offset).split('\n');
	return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/** The end of the token starting at `offset` (so the editor can underline it). */
export function tokenEnd(text: string, offset: number): number {
	const m = /^("(?:[^"]|"")*"|'(?:[^']|'')*'|[\p{L}\p{N}_.]+|\S)/u.exec(text.slice(offset));
	return offset + (m ? m[0].length : 0);
}

/** An engine error as a person reads it, and where it points in the statement if DuckDB says. */
export interface EngineError {
	/** As DuckDB's own shell prints it: "Parser Error: syntax error at or near …". */
	message: string;
	/** Character offset into the statement. */
	offset: number | null;
}

/**
 * DuckDB-WASM reports some errors as DuckDB's structured JSON
 * (`{"exception_type":"Parser","exception_message":…,"position":"0"}`) and
 * others as text. Both become the shell's wording; the offset comes from the
 * caret line when there is one, else from `position` (a UTF-8 byte offset).
 */
export function readEngineError(raw: string, statement: string): EngineError {
	let message = raw;
	let position: number | null = null;
	if (raw.startsWith('{')) {
		try {
			const data = JSON.parse(raw) as Record<string, string | undefined>;
			if (data.exception_message !== undefined) {
				message = data.exception_type
					? `${data.exception_type} Error: ${data.exception_message}`
					: data.exception_message;
				position = data.position === undefined ? null : Number(data.position);
			}
		} catch {
			// Not JSON after all: show it as it came.
		}
	}
	// DuckDB's `position` is an exact UTF-8 byte offset: prefer it to the drawn caret.
	const offset =
		position === null || Number.isNaN(position)
			? errorOffset(message, statement)
			: anchor(message, statement, byteToCharOffset(statement, position));
	return { message, offset };
}

function byteToCharOffset(text: string, bytes: number): number {
	const encoded = new TextEncoder().encode(text).slice(0, bytes);
	return Math.min(text.length, new TextDecoder().decode(encoded).length);
}
