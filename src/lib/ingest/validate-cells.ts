/** Checks of single cells against their column spec: types, ranges, vocabularies. */
import type { ColumnSpec } from '../schema/tables';
import { LIST_SEPARATOR } from '../schema/vocab';
import type { ProblemCode, ProblemParams } from './issues';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INT_RE = /^-?\d+$/;
const FLOAT_RE = /^-?\d+(?:\.\d+)?$/;

/** Is `s` a real calendar date written YYYY-MM-DD (so 2023-02-30 is not)? */
export function isRealDate(s: string): boolean {
	const m = DATE_RE.exec(s);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * Today's date, YYYY-MM-DD, on the analyst's own calendar (the local time
 * zone): at 00:30 in Damascus it is already the new day, whatever UTC says.
 */
export function todayIso(now: Date = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The items of a ';'-separated list cell, trimmed; [] for an empty cell. */
export function splitList(cell: string): string[] {
	return cell === '' ? [] : cell.split(LIST_SEPARATOR).map((s) => s.trim());
}

/** Runs of whitespace (spaces, tabs, newlines, NBSP…) collapsed to one space, ends trimmed. */
export function collapseWhitespace(s: string): string {
	return s.replace(/\s+/gu, ' ').trim();
}

/** Does the evidence span occur verbatim in the report text, whitespace runs aside? */
export function evidenceInText(evidence: string, text: string): boolean {
	const span = collapseWhitespace(evidence);
	return span !== '' && collapseWhitespace(text).includes(span);
}

/** What is wrong with a cell, as a problem code and its parameters (see ./issues.ts). */
export interface CellProblem {
	code: ProblemCode;
	params: ProblemParams;
}

const problem = (code: ProblemCode, params: ProblemParams = {}): CellProblem => ({ code, params });

/** How a date must be written (a placeholder of the problem 'not-iso-date'). */
export const ISO_DATE_FORMAT = 'YYYY-MM-DD';

function rangeProblem(n: number, spec: ColumnSpec): CellProblem | null {
	if (spec.min !== undefined && n < spec.min) return problem('below-min', { min: spec.min });
	if (spec.max !== undefined && n > spec.max) return problem('above-max', { max: spec.max });
	return null;
}

function listProblem(value: string): CellProblem | null {
	const items = splitList(value);
	if (items.some((i) => i === '')) return problem('list-empty-item', { separator: LIST_SEPARATOR });
	if (new Set(items).size !== items.length) return problem('list-repeat');
	return null;
}

/** What is wrong with one non-empty cell for its column type, or null. */
export function typeProblem(spec: ColumnSpec, value: string, today: string): CellProblem | null {
	switch (spec.type) {
		case 'int':
			if (!INT_RE.test(value)) return problem('not-int');
			return rangeProblem(Number(value), spec);
		case 'float':
			if (!FLOAT_RE.test(value)) return problem('not-decimal');
			if (spec.scale !== undefined && (value.split('.')[1]?.length ?? 0) > spec.scale)
				return problem('too-many-decimals', { scale: spec.scale });
			return rangeProblem(Number(value), spec);
		case 'date':
			if (!DATE_RE.test(value)) return problem('not-iso-date', { format: ISO_DATE_FORMAT });
			if (!isRealDate(value)) return problem('not-real-date');
			if (value > today) return problem('future-date', { today });
			return null;
		case 'enum':
			if (spec.values && !spec.values.includes(value))
				return problem('not-in-vocab', { values: spec.values });
			return null;
		case 'list':
			return listProblem(value);
		default:
			return null;
	}
}

/** What is wrong with a cell (empty or not), or null. */
export function cellProblem(spec: ColumnSpec, value: string, today: string): CellProblem | null {
	if (value === '') return spec.required ? problem('required') : null;
	return typeProblem(spec, value, today);
}
