/**
 * Bidi isolation of values from data (names of actors, places, files, tables,
 * columns, cell values) inside UI text. Without it, a value that carries an
 * override (U+202E RIGHT-TO-LEFT OVERRIDE) or right-to-left letters reorders
 * the words and numbers around it ("2 attacks" read as "skcatta 2").
 * Source of the rule: Unicode Bidirectional Algorithm (UAX #9), isolates.
 *
 * In markup, values go in `<bdi>` (see Msg.svelte, which uses `messageParts`);
 * in plain text (attributes, dialogs, SVG titles) they are wrapped in
 * U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE with `isolate`.
 */
import { t, type MessageKey, type MessageVars } from './translate';

const FSI = '\u2068';
const PDI = '\u2069';

/** `text` as a first-strong isolate: its direction comes from its own first letter, and it cannot reorder what surrounds it. */
export function isolate(text: string): string {
	return FSI + text + PDI;
}

/** A message's text with every string input isolated (numbers are left as they are). */
export function tIsolated(key: MessageKey, vars: MessageVars): string {
	const wrapped: MessageVars = {};
	for (const [k, v] of Object.entries(vars)) wrapped[k] = typeof v === 'string' ? isolate(v) : v;
	return t(key, wrapped);
}

/** One run of a message: its own words, or a value from `vars` (`value: true`) to show isolated. */
export interface MessagePart {
	text: string;
	value: boolean;
}

/** Message inputs where a list of values (e.g. column names) is shown joined by ", ", each one isolated. */
export type PartVars = Record<string, string | number | readonly string[]>;

// Private-use characters mark where each value sits in the translated text.
const OPEN = '\ue000';
const CLOSE = '\ue001';

/**
 * The message `key` cut into its own words and the string values from
 * `vars`, in the order the page's language puts them, so each value can be
 * rendered in its own `<bdi>`.
 */
export function messageParts(key: MessageKey, vars: PartVars): MessagePart[] {
	const marked: MessageVars = {};
	const values: string[] = [];
	const mark = (v: string) => `${OPEN}${values.push(v) - 1}${CLOSE}`;
	for (const [k, v] of Object.entries(vars)) {
		if (typeof v === 'number') marked[k] = v;
		else if (typeof v === 'string') marked[k] = mark(v);
		else marked[k] = v.map(mark).join(', ');
	}
	const parts: MessagePart[] = [];
	const pattern = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');
	let last = 0;
	const text = t(key, marked);
	for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
		if (m.index > last) parts.push({ text: text.slice(last, m.index), value: false });
		parts.push({ text: values[Number(m[1])]!, value: true });
		last = m.index + m[0].length;
	}
	if (last < text.length) parts.push({ text: text.slice(last), value: false });
	return parts;
}
