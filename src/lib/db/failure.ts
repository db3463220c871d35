/**
 * How bad an engine error is: 'memory' when DuckDB ran out of memory (the
 * engine may still work), 'crashed' when the WebAssembly instance itself
 * failed (it must be restarted), null for an ordinary SQL error. Only the
 * start of a message counts, so a SQL error quoting the user's text
 * ("column unreachable not found") is never mistaken for a crash.
 */
export function engineFailure(error: unknown): 'memory' | 'crashed' | null {
	const name = error instanceof Error ? error.name : '';
	const message = error instanceof Error ? error.message : String(error);
	if (
		name === 'RuntimeError' ||
		/^(RuntimeError|Aborted\(|memory access out of bounds)/.test(message)
	)
		return 'crashed';
	if (
		/^(Out of Memory Error|\{"exception_type":"Out of Memory"|Cannot enlarge memory|Array buffer allocation failed)/.test(
			message
		) ||
		name === 'RangeError'
	)
		return 'memory';
	return null;
}
