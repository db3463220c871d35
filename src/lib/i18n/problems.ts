/**
 * Upload and validation problems in the reader's language. The ingest code
 * reports a problem as a code and its parameters ($lib/ingest/issues.ts); the
 * words are the catalogue's `problem.<code>` messages
 * (messages/<locale>/problems.json).
 *
 * Numbers (bounds, row numbers, counts) are written in the reader's digits and
 * without grouping, as a spreadsheet shows a row number; a list parameter is
 * joined with ", ". Messages avoid plural forms, so a count needs no variant.
 */
import type { ProblemCode, ProblemParams } from '$lib/ingest/issues';
import { formatNumber } from './format';
import { messageParts, type MessagePart, type PartVars } from './isolate';
import { t, type MessageKey, type MessageVars } from './translate';

/** A problem as the ingest code reports it. */
export interface Problem {
	code: ProblemCode;
	params: ProblemParams;
}

/** The catalogue key of a problem code. */
export const problemKey = (code: ProblemCode): MessageKey => `problem.${code}` as MessageKey;

const number = (n: number) => formatNumber(n, { useGrouping: false });

/** The problem as one line of plain text (for the CSV download and plain-text places). */
export function problemText(p: Problem): string {
	const vars: MessageVars = {};
	for (const [k, v] of Object.entries(p.params))
		vars[k] = typeof v === 'number' ? number(v) : typeof v === 'string' ? v : v.join(', ');
	return t(problemKey(p.code), vars);
}

/** The problem cut into its own words and its values, each value to be shown isolated (see ./isolate.ts). */
export function problemParts(p: Problem): MessagePart[] {
	const vars: PartVars = {};
	for (const [k, v] of Object.entries(p.params)) vars[k] = typeof v === 'number' ? number(v) : v;
	return messageParts(problemKey(p.code), vars);
}
