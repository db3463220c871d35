import type { Param, SqlQuery } from './types';
import { emergingCondition } from './emerging-condition';
import { quoteIdent } from './sql';

/** The dimensions a click or a select can pin to values. */
export const DIMENSIONS = [
	'actor',
	'side',
	'target',
	'target_type',
	'weapon',
	'place',
	'outcome',
	'admin1',
	'dataset'
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * A selection in one dimension: the rows whose value is one of `values`
 * ("only these"), or, with `exclude`, the rows whose value is none of them
 * ("all but these"). An empty list is no selection and is never stored.
 */
export interface Choice {
	values: readonly string[];
	exclude?: boolean;
}

/** What the user narrowed the dashboard to. Absent = no restriction. */
export type Filters = {
	from?: string;
	to?: string;
	/** Include every event (strategic developments too), not only attacks. */
	all?: boolean;
	/** Free text searched in the English notes, case-insensitively. */
	q?: string;
	/**
	 * "New in this period": only incidents whose actor or place was first seen
	 * (in the whole dataset) on or after `from`. No effect without `from`.
	 */
	emerging?: boolean;
} & { [D in Dimension]?: Choice };

/**
 * A part of the filter state a panel can own (and so leave out of its own
 * query, cross-filter style): one dimension, or 'dates' for the from/to range.
 */
export type FilterKey = Dimension | 'dates';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date the filters accept: 'YYYY-MM-DD' with a real month and day, year 1000 or later. */
export function isCompleteDate(text: string | undefined): text is string {
	if (!text || !ISO_DATE.test(text) || text < '1000-01-01') return false;
	const d = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Escape LIKE wildcards so the search text matches literally. */
export function likePattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The filters without the parts in `omit` (a panel's own selection). */
export function withoutKeys(f: Filters, omit: readonly FilterKey[]): Filters {
	const rest: Filters = { ...f };
	for (const k of omit) {
		if (k === 'dates') {
			delete rest.from;
			delete rest.to;
		} else delete rest[k];
	}
	return rest;
}

/**
 * `expr IN (?, ?)` or `expr NOT IN (…)` for a choice, with its values appended
 * to `params`. `expr` is SQL the caller built from fixed names (never user text).
 */
export function choiceSql(expr: string, c: Choice, params: Param[]): string {
	params.push(...c.values);
	const marks = c.values.map(() => '?').join(', ');
	return `${expr} ${c.exclude ? 'NOT IN' : 'IN'} (${marks})`;
}

/**
 * The WHERE clause (with its bound parameters) for the facts table, leaving
 * out the parts in `omit`. Columns are quoted identifiers from a fixed list;
 * every user value is a `?` parameter. A row whose value is NULL matches
 * neither "only" nor "all but" (SQL's IN semantics).
 */
export function whereClause(f: Filters, omit: readonly FilterKey[] = []): SqlQuery {
	const g = omit.length ? withoutKeys(f, omit) : f;
	const parts: string[] = [];
	const params: Param[] = [];
	if (!g.all) parts.push('is_attack');
	if (isCompleteDate(g.from)) {
		parts.push('event_date >= CAST(? AS DATE)');
		params.push(g.from);
	}
	if (isCompleteDate(g.to)) {
		parts.push('event_date <= CAST(? AS DATE)');
		params.push(g.to);
	}
	for (const d of DIMENSIONS) {
		const c = g[d];
		if (c && c.values.length) parts.push(choiceSql(quoteIdent(d), c, params));
	}
	if (g.q?.trim()) {
		parts.push(`notes ILIKE ? ESCAPE '\\'`);
		params.push(likePattern(g.q.trim()));
	}
	// "New since" is measured from the page's start date even in a panel that owns the dates.
	if (g.emerging && isCompleteDate(f.from)) {
		const c = emergingCondition(f.from, g.all);
		parts.push(c.sql);
		params.push(...(c.params ?? []));
	}
	return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** The URL key of an exclusion: `not_actor=X` means "every actor but X". */
const notKey = (d: Dimension) => `not_${d}`;

/**
 * Filters from a URL query string. A dimension repeats for several values
 * (`actor=A&actor=B`); `not_actor=A` excludes. Unknown keys and malformed or
 * incomplete dates are ignored.
 */
export function parseFilters(search: URLSearchParams): Filters {
	const f: Filters = {};
	for (const d of DIMENSIONS) {
		const only = search.getAll(d).filter((v) => v !== '');
		const not = search.getAll(notKey(d)).filter((v) => v !== '');
		if (only.length) f[d] = { values: [...new Set(only)] };
		else if (not.length) f[d] = { values: [...new Set(not)], exclude: true };
	}
	const from = search.get('from') ?? undefined;
	const to = search.get('to') ?? undefined;
	if (isCompleteDate(from)) f.from = from;
	if (isCompleteDate(to)) f.to = to;
	if (search.get('events') === 'all') f.all = true;
	const q = search.get('q');
	if (q) f.q = q;
	if (search.get('new') === '1') f.emerging = true;
	return f;
}

/** The URL query string for filters, in a stable order (so equal views share one URL). */
export function filtersToSearch(f: Filters): string {
	const s = new URLSearchParams();
	if (f.from) s.set('from', f.from);
	if (f.to) s.set('to', f.to);
	for (const d of DIMENSIONS) {
		const c = f[d];
		if (!c?.values.length) continue;
		for (const v of [...c.values].sort()) s.append(c.exclude ? notKey(d) : d, v);
	}
	if (f.all) s.set('events', 'all');
	if (f.q) s.set('q', f.q);
	if (f.emerging) s.set('new', '1');
	const text = s.toString();
	return text ? `?${text}` : '';
}

/**
 * How a pick changes a dimension's selection:
 * - 'only': select just this value, or clear when it already is the only one (a plain click);
 * - 'add': add it to the selection, or take it out (Ctrl/Cmd/Shift-click);
 * - 'exclude': "all but" this value, added to or taken out of an exclusion.
 */
export type PickMode = 'only' | 'add' | 'exclude';

/** The filters after picking `value` in dimension `d` (see PickMode). */
export function toggle(f: Filters, d: Dimension, value: string, mode: PickMode = 'only'): Filters {
	const next: Filters = { ...f };
	const cur = f[d];
	const has = cur?.values.includes(value) ?? false;
	let values: string[];
	let exclude = false;
	if (mode === 'only') values = has && cur!.values.length === 1 && !cur!.exclude ? [] : [value];
	else {
		exclude = mode === 'exclude';
		// Switching between "only" and "all but" starts a new list.
		const base = cur && !!cur.exclude === exclude ? cur.values : [];
		values = base.includes(value) ? base.filter((v) => v !== value) : [...base, value];
	}
	if (values.length) next[d] = exclude ? { values, exclude } : { values };
	else delete next[d];
	return next;
}

/** Whether `value` is picked in `c` (for highlighting): in an "only" list, or not in an "all but" one. */
export function isPicked(c: Choice | undefined, value: string): boolean {
	if (!c?.values.length) return false;
	return c.exclude ? !c.values.includes(value) : c.values.includes(value);
}

/** The pick mode of a pointer or keyboard event: modifier keys add, Alt excludes. */
export function pickMode(
	e: { ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean; altKey?: boolean } | undefined
): PickMode {
	if (!e) return 'only';
	if (e.altKey) return 'exclude';
	return e.ctrlKey || e.metaKey || e.shiftKey ? 'add' : 'only';
}
