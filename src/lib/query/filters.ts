import type { Param, SqlQuery } from './types';
import { emergingCondition } from './emerging-condition';
import { quoteIdent } from './sql';

/** The dimensions a click or a select can pin to one value. */
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

/** What the user narrowed the dashboard to. Absent = no restriction. */
export interface Filters {
	from?: string;
	to?: string;
	actor?: string;
	side?: string;
	target?: string;
	target_type?: string;
	weapon?: string;
	place?: string;
	outcome?: string;
	/** Governorate (ACLED admin1). */
	admin1?: string;
	/** Where the rows came from: the shipped coding, an import (its file), a user's own coding. */
	dataset?: string;
	/** Include every event (strategic developments too), not only attacks. */
	all?: boolean;
	/** Free text searched in the English notes, case-insensitively. */
	q?: string;
	/**
	 * "New in this period": only incidents whose actor or place was first seen
	 * (in the whole dataset) on or after `from`. No effect without `from`.
	 */
	emerging?: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Escape LIKE wildcards so the search text matches literally. */
export function likePattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The WHERE clause (with its bound parameters) for the facts table. Columns
 * are quoted identifiers from a fixed list; every user value is a `?` parameter.
 */
export function whereClause(f: Filters): SqlQuery {
	const parts: string[] = [];
	const params: Param[] = [];
	if (!f.all) parts.push('is_attack');
	if (f.from && ISO_DATE.test(f.from)) {
		parts.push('event_date >= CAST(? AS DATE)');
		params.push(f.from);
	}
	if (f.to && ISO_DATE.test(f.to)) {
		parts.push('event_date <= CAST(? AS DATE)');
		params.push(f.to);
	}
	for (const d of DIMENSIONS) {
		const value = f[d];
		if (value === undefined) continue;
		parts.push(`${quoteIdent(d)} = ?`);
		params.push(value);
	}
	if (f.q?.trim()) {
		parts.push(`notes ILIKE ? ESCAPE '\\'`);
		params.push(likePattern(f.q.trim()));
	}
	if (f.emerging && f.from && ISO_DATE.test(f.from)) {
		const c = emergingCondition(f.from, f.all);
		parts.push(c.sql);
		params.push(...(c.params ?? []));
	}
	return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Filters from a URL query string; unknown keys and malformed dates are ignored. */
export function parseFilters(search: URLSearchParams): Filters {
	const f: Filters = {};
	for (const d of DIMENSIONS) {
		const v = search.get(d);
		if (v !== null && v !== '') f[d] = v;
	}
	const from = search.get('from');
	const to = search.get('to');
	if (from && ISO_DATE.test(from)) f.from = from;
	if (to && ISO_DATE.test(to)) f.to = to;
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
	for (const d of DIMENSIONS) if (f[d] !== undefined) s.set(d, f[d]!);
	if (f.all) s.set('events', 'all');
	if (f.q) s.set('q', f.q);
	if (f.emerging) s.set('new', '1');
	const text = s.toString();
	return text ? `?${text}` : '';
}

/** The same filters with one dimension set, or cleared when it already had that value. */
export function toggle(f: Filters, d: Dimension, value: string): Filters {
	const next = { ...f };
	if (next[d] === value) delete next[d];
	else next[d] = value;
	return next;
}
