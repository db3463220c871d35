/**
 * The rest of the upload's row rules as declared rules (see ./rules.ts), so
 * the bulk path's SQL finds what ./validate-incidents.ts and
 * ./validate-rows.ts find on an upload: incident ids and their year, the
 * ACLED columns a Raqib row fills, target types and report dates from the
 * known companion tables, date notes, long evidence, and the companion
 * tables' own rules. Same words as the validator. Not here (never run on an
 * upload): the verbatim-evidence check (no report texts) and the
 * headquarters rule (no actors' inter codes); references to actors, places
 * and targets are listed as new entries, not problems (./references.ts).
 */
import { ACLED_INTER, FOREIGN_ID_PATTERN, INCIDENT_ID_PATTERN } from '../schema/vocab';
import { PLACE_ID_PATTERN } from '../schema/vocab';
import { SYRIA_BOUNDS, withinSyria } from '../schema/geo';
import { interCode } from '../schema/acled';
import { quoteLiteral } from '../query/sql';
import type { TableName } from '../schema/tables';
import type { KnownKeys } from './context';
import type { ProblemCode, ProblemParams } from './issues';
import { EVIDENCE_MAX_WORDS } from './validate-incidents';
import { isRealDate, splitList } from './validate-cells';
import { JS_SPACE, list, type Rule } from './rules';

type Get = (c: string) => string;

/** A rule on each item of a ';'-list cell: one finding per failing item, the item as its value. */
export interface ItemRule {
	column: string;
	code: ProblemCode;
	params: ProblemParams;
	js(item: string, raw: Get): boolean;
	sql(item: string, raw: Get): string;
}

const re = (r: RegExp) => quoteLiteral(r.source.replace(/^\^/, '').replace(/\$$/, ''));
const sqlReal = (d: string) =>
	`(regexp_full_match(${d}, '\\d{4}-\\d{2}-\\d{2}') AND TRY_CAST(${d} AS DATE) IS NOT NULL AND CAST(substr(${d}, 1, 4) AS INTEGER) >= 100)`;
const sqlTrim = (v: string) => `trim(${v}, ${quoteLiteral(JS_SPACE)})`;
/** SQL for splitList(cell)[0] ?? '': the first item, trimmed. */
const sqlFirstItem = (v: string) => `${sqlTrim(`split_part(${v}, ';', 1)`)}`;
/** JavaScript's Number(s) > 1 for a cell, as SQL (empty → 0). */
const sqlNumber = (v: string) =>
	`(CASE WHEN ${sqlTrim(v)} = '' THEN 0 ELSE TRY_CAST(${sqlTrim(v)} AS DOUBLE) END)`;
const INTER_TEXTS = [
	...Object.values(ACLED_INTER).map((t) => t.toLowerCase().replace(/s$/, '')),
	'civilian',
	'external/other force'
];
const sqlInter = (v: string) =>
	`(regexp_full_match(${sqlTrim(v)}, '[0-8]') OR regexp_replace(lower(${sqlTrim(v)}), 's$', '') IN ${list(INTER_TEXTS)})`;

/** A lookup of `key` in pairs, as SQL (NULL when absent); the last pair of a key wins, as in a Map. */
function lookup(pairs: readonly (readonly [string, string])[], key: string): string {
	const map = new Map(pairs);
	if (map.size === 0) return 'NULL::VARCHAR';
	const rows = [...map].map(([k, v]) => `(${quoteLiteral(k)}, ${quoteLiteral(v)})`).join(', ');
	return `(SELECT v.e FROM (VALUES ${rows}) AS v(k, e) WHERE v.k = ${key})`;
}

const error = (
	column: string,
	code: ProblemCode,
	params: ProblemParams,
	js: (r: Get) => boolean,
	sql: (r: Get) => string,
	empty = false
): Rule => ({
	column,
	severity: 'error',
	code,
	params,
	empty,
	js: (r) => js(r),
	sql: (r) => sql(r)
});

/** Words of the evidence, split as /\s+/u does. */
const sqlWords = (v: string) =>
	`len(list_filter(regexp_split_to_array(${v}, ${quoteLiteral(`[${JS_SPACE}]+`)}), w -> w <> ''))`;

const evidenceRule: Rule = {
	column: 'evidence',
	severity: 'warning',
	code: 'evidence-long',
	params: { limit: 15 },
	js: (r) =>
		r('evidence') !== '' && r('evidence').split(/\s+/u).filter(Boolean).length > EVIDENCE_MAX_WORDS,
	sql: (r) => `(${r('evidence')} <> '' AND ${sqlWords(r('evidence'))} > ${EVIDENCE_MAX_WORDS})`,
	rowParams: {
		js: (r) => ({ words: r('evidence').split(/\s+/u).filter(Boolean).length }),
		sql: (r) => ({ 'words#': sqlWords(r('evidence')) })
	}
};

function incidentRules(known: KnownKeys | undefined, today: string): Rule[] {
	const id = 'incident_id';
	const dez = (r: Get) => r(id).startsWith('DEZ-');
	const meta = known?.reportMeta;
	const metaPairs = (k: 'published' | 'dateConfidence') =>
		[...(meta ?? [])].map(([i, m]) => [i, m[k]] as const);
	const published = (r: Get) => lookup(metaPairs('published'), sqlFirstItem(r('source_ids')));
	const confidence = (r: Get) => lookup(metaPairs('dateConfidence'), sqlFirstItem(r('source_ids')));
	const first = (r: Get) => splitList(r('source_ids'))[0] ?? '';
	const afterReport = (r: Get) => {
		const m = meta?.get(first(r));
		const d = r('event_date');
		return !!m && d <= today && isRealDate(d) && isRealDate(m.published) && d > m.published;
	};
	const types = [...(known?.targetTypes ?? [])];
	const rules: Rule[] = [
		error(
			id,
			'foreign-id',
			{ chars: '. _ : -', max: 64 },
			(r) => r(id) !== '' && !dez(r) && !FOREIGN_ID_PATTERN.test(r(id)),
			(r) =>
				`(${r(id)} <> '' AND NOT starts_with(${r(id)}, 'DEZ-') AND NOT regexp_full_match(${r(id)}, ${re(FOREIGN_ID_PATTERN)}))`
		),
		error(
			id,
			'incident-id-pattern',
			{ example: 'DEZ-2022-0003' },
			(r) => dez(r) && !INCIDENT_ID_PATTERN.test(r(id)),
			(r) =>
				`(starts_with(${r(id)}, 'DEZ-') AND NOT regexp_full_match(${r(id)}, ${re(INCIDENT_ID_PATTERN)}))`
		),
		error(
			id,
			'id-year-mismatch',
			{ other: 'event_date' },
			(r) =>
				dez(r) &&
				INCIDENT_ID_PATTERN.test(r(id)) &&
				isRealDate(r('event_date')) &&
				r(id).slice(4, 8) !== r('event_date').slice(0, 4),
			(r) =>
				`(regexp_full_match(${r(id)}, ${re(INCIDENT_ID_PATTERN)}) AND ${sqlReal(r('event_date'))} AND substr(${r(id)}, 5, 4) <> substr(${r('event_date')}, 1, 4))`
		),
		error(
			'event_id_cnty',
			'event-id-cnty',
			{ other: 'incident_id' },
			(r) => r('event_id_cnty') !== '' && r('event_id_cnty') !== r(id),
			(r) => `(${r('event_id_cnty')} <> '' AND ${r('event_id_cnty')} <> ${r(id)})`
		),
		error(
			'year',
			'year-mismatch',
			{ other: 'event_date' },
			(r) =>
				r('year') !== '' &&
				isRealDate(r('event_date')) &&
				r('year') !== r('event_date').slice(0, 4),
			(r) =>
				`(${r('year')} <> '' AND ${sqlReal(r('event_date'))} AND ${r('year')} <> substr(${r('event_date')}, 1, 4))`
		),
		...['inter1', 'inter2'].map((c) =>
			error(
				c,
				'inter-code',
				{ min: 0, max: 8 },
				(r) => r(c) !== '' && interCode(r(c)) === null,
				(r) => `(${r(c)} <> '' AND NOT ${sqlInter(r(c))})`
			)
		),
		{
			...error(
				'target_type',
				'target-type-mismatch',
				{ table: 'targets.csv' },
				(r) => {
					const e = known?.targetTypes?.get(r('target'));
					return e !== undefined && r('target_type') !== '' && r('target_type') !== e;
				},
				(r) =>
					`(${r('target_type')} <> '' AND ${r('target_type')} <> ${lookup(types, r('target'))})`
			),
			rowParams: {
				js: (r) => ({ expected: known?.targetTypes?.get(r('target')) ?? '', target: r('target') }),
				sql: (r) => ({ expected: lookup(types, r('target')), target: r('target') })
			}
		},
		{
			...error('event_date', 'after-publication', {}, afterReport, (r) => {
				const p = published(r);
				const d = r('event_date');
				return `(${d} <= ${quoteLiteral(today)} AND ${sqlReal(d)} AND ${sqlReal(p)} AND ${d} > ${p})`;
			}),
			rowParams: {
				js: (r) => ({ report: first(r), published: meta?.get(first(r))?.published ?? '' }),
				sql: (r) => ({ report: sqlFirstItem(r('source_ids')), published: published(r) })
			}
		},
		error(
			'date_note',
			'date-note-precision',
			{ other: 'time_precision', max: 1 },
			(r) => r('date_note') === '' && Number(r('time_precision')) > 1,
			(r) => `(${r('date_note')} = '' AND ${sqlNumber(r('time_precision'))} > 1)`,
			true
		),
		error(
			'date_note',
			'date-note-uncertain',
			{},
			(r) =>
				r('date_note') === '' &&
				!(Number(r('time_precision')) > 1) &&
				meta?.get(first(r))?.dateConfidence === 'low',
			(r) =>
				`(${r('date_note')} = '' AND coalesce(${sqlNumber(r('time_precision'))} <= 1, true) AND coalesce(${confidence(r)} = 'low', false))`,
			true
		),
		evidenceRule
	];
	return rules;
}

/** JavaScript's String(Number(cell)) as SQL, for coordinates (integral values without ".0"). */
const sqlJsNumber = (d: string) =>
	`(CASE WHEN ${d} = trunc(${d}) AND abs(${d}) < 1e15 THEN CAST(CAST(${d} AS BIGINT) AS VARCHAR) ELSE CAST(${d} AS VARCHAR) END)`;
const num = (v: string) => `TRY_CAST(${sqlTrim(v)} AS DOUBLE)`;

const b = SYRIA_BOUNDS;
const outside: Rule = {
	column: 'latitude',
	severity: 'warning',
	code: 'outside-syria',
	js: (r) => {
		const [lat, lon] = [Number(r('latitude')), Number(r('longitude'))];
		return (
			r('latitude') !== '' && r('longitude') !== '' && isFinite(lat + lon) && !withinSyria(lat, lon)
		);
	},
	sql: (r) => {
		const [lat, lon] = [num(r('latitude')), num(r('longitude'))];
		return `(${r('latitude')} <> '' AND ${r('longitude')} <> '' AND isfinite(${lat} + ${lon}) AND NOT (${lat} >= ${b.minLat} AND ${lat} <= ${b.maxLat} AND ${lon} >= ${b.minLon} AND ${lon} <= ${b.maxLon}))`;
	},
	value: {
		js: (r) => `${Number(r('latitude'))},${Number(r('longitude'))}`,
		sql: (r) => `${sqlJsNumber(num(r('latitude')))} || ',' || ${sqlJsNumber(num(r('longitude')))}`
	}
};

const reportFile: Rule = {
	...error(
		'file',
		'report-file-name',
		{},
		(r) => r('report_id') !== '' && r('file') !== '' && r('file') !== `${r('report_id')}.txt`,
		(r) =>
			`(${r('report_id')} <> '' AND ${r('file')} <> '' AND ${r('file')} <> ${r('report_id')} || '.txt')`
	),
	rowParams: {
		js: (r) => ({ expected: `${r('report_id')}.txt` }),
		sql: (r) => ({ expected: `${r('report_id')} || '.txt'` })
	}
};

const COMPANION: Partial<Record<TableName, Rule[]>> = {
	places: [
		error(
			'name_ar',
			'required',
			{},
			(r) => r('name_ar') === '',
			(r) => `(${r('name_ar')} = '')`,
			true
		),
		error(
			'place_id',
			'place-id-slug',
			{ example: 'al-omar-oil-field' },
			(r) => r('place_id') !== '' && !PLACE_ID_PATTERN.test(r('place_id')),
			(r) =>
				`(${r('place_id')} <> '' AND NOT regexp_full_match(${r('place_id')}, ${re(PLACE_ID_PATTERN)}))`
		),
		outside
	],
	reports: [reportFile]
};

/** The row rules beyond ./rules-incidents.ts of `table` on an upload. */
export function moreRowRules(
	table: TableName,
	known: KnownKeys | undefined,
	today: string
): Rule[] {
	return table === 'incidents' ? incidentRules(known, today) : (COMPANION[table] ?? []);
}

/** Rules on each item of a list cell (incidents: assoc_actor_1 repeating actor1, unknown source_ids). */
export function itemRules(table: TableName, known: KnownKeys | undefined): ItemRule[] {
	if (table !== 'incidents') return [];
	const out: ItemRule[] = [
		{
			column: 'assoc_actor_1',
			code: 'assoc-repeats-actor1',
			params: { other: 'actor1' },
			js: (item, r) => item === r('actor1'),
			sql: (item, r) => `${item} = ${r('actor1')}`
		}
	];
	const reports = known?.reports;
	if (reports)
		out.push({
			column: 'source_ids',
			code: 'not-in-table',
			params: { table: 'reports.csv' },
			js: (item) => item !== '' && !reports.has(item),
			sql: (item) =>
				reports.size ? `(${item} <> '' AND ${item} NOT IN ${list([...reports])})` : `${item} <> ''`
		});
	return out;
}
