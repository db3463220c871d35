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
import { EVIDENCE_MAX_WORDS } from './validate-incidents';
import { isRealDate, splitList } from './validate-cells';
import { JS_SPACE, list, type Rule } from './rules';

type Get = (c: string) => string;

/** A rule on each item of a ';'-list cell: one finding per failing item, the item as its value. */
export interface ItemRule {
	column: string;
	problem: string;
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
	problem: string,
	js: (r: Get) => boolean,
	sql: (r: Get) => string,
	empty = false
): Rule => ({ column, severity: 'error', problem, empty, js: (r) => js(r), sql: (r) => sql(r) });

/** Words of the evidence, split as /\s+/u does. */
const sqlWords = (v: string) =>
	`len(list_filter(regexp_split_to_array(${v}, ${quoteLiteral(`[${JS_SPACE}]+`)}), w -> w <> ''))`;

const evidenceRule: Rule = {
	column: 'evidence',
	severity: 'warning',
	problem: '',
	js: (r) =>
		r('evidence') !== '' && r('evidence').split(/\s+/u).filter(Boolean).length > EVIDENCE_MAX_WORDS,
	sql: (r) => `(${r('evidence')} <> '' AND ${sqlWords(r('evidence'))} > ${EVIDENCE_MAX_WORDS})`,
	problemOf: {
		js: (r) =>
			`is ${r('evidence').split(/\s+/u).filter(Boolean).length} words long (keep it under ~15)`,
		sql: (r) => `'is ' || ${sqlWords(r('evidence'))} || ' words long (keep it under ~15)'`
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
			'must be letters, digits and . _ : - only (at most 64)',
			(r) => r(id) !== '' && !dez(r) && !FOREIGN_ID_PATTERN.test(r(id)),
			(r) =>
				`(${r(id)} <> '' AND NOT starts_with(${r(id)}, 'DEZ-') AND NOT regexp_full_match(${r(id)}, ${re(FOREIGN_ID_PATTERN)}))`
		),
		error(
			id,
			'must look like DEZ-2022-0003',
			(r) => dez(r) && !INCIDENT_ID_PATTERN.test(r(id)),
			(r) =>
				`(starts_with(${r(id)}, 'DEZ-') AND NOT regexp_full_match(${r(id)}, ${re(INCIDENT_ID_PATTERN)}))`
		),
		error(
			id,
			'year does not match event_date',
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
			'must equal incident_id on a Raqib-coded row',
			(r) => r('event_id_cnty') !== '' && r('event_id_cnty') !== r(id),
			(r) => `(${r('event_id_cnty')} <> '' AND ${r('event_id_cnty')} <> ${r(id)})`
		),
		error(
			'year',
			'does not match event_date',
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
				'is not an ACLED inter code (0–8) or its text',
				(r) => r(c) !== '' && interCode(r(c)) === null,
				(r) => `(${r(c)} <> '' AND NOT ${sqlInter(r(c))})`
			)
		),
		{
			...error(
				'target_type',
				'',
				(r) => {
					const e = known?.targetTypes?.get(r('target'));
					return e !== undefined && r('target_type') !== '' && r('target_type') !== e;
				},
				(r) =>
					`(${r('target_type')} <> '' AND ${r('target_type')} <> ${lookup(types, r('target'))})`
			),
			problemOf: {
				js: (r) =>
					`must be "${known?.targetTypes?.get(r('target'))}", as for "${r('target')}" in targets.csv`,
				sql: (r) =>
					`'must be "' || ${lookup(types, r('target'))} || '", as for "' || ${r('target')} || '" in targets.csv'`
			}
		},
		{
			...error('event_date', '', afterReport, (r) => {
				const p = published(r);
				const d = r('event_date');
				return `(${d} <= ${quoteLiteral(today)} AND ${sqlReal(d)} AND ${sqlReal(p)} AND ${d} > ${p})`;
			}),
			problemOf: {
				js: (r) =>
					`is after the publication of ${first(r)} (${meta?.get(first(r))?.published ?? ''})`,
				sql: (r) =>
					`'is after the publication of ' || ${sqlFirstItem(r('source_ids'))} || ' (' || ${published(r)} || ')'`
			}
		},
		error(
			'date_note',
			'is required when time_precision > 1',
			(r) => r('date_note') === '' && Number(r('time_precision')) > 1,
			(r) => `(${r('date_note')} = '' AND ${sqlNumber(r('time_precision'))} > 1)`,
			true
		),
		error(
			'date_note',
			'is required: the report date is uncertain',
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
	problem: 'lies outside Syria',
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
		'',
		(r) => r('report_id') !== '' && r('file') !== '' && r('file') !== `${r('report_id')}.txt`,
		(r) =>
			`(${r('report_id')} <> '' AND ${r('file')} <> '' AND ${r('file')} <> ${r('report_id')} || '.txt')`
	),
	problemOf: {
		js: (r) => `must be the report file name, ${r('report_id')}.txt`,
		sql: (r) => `'must be the report file name, ' || ${r('report_id')} || '.txt'`
	}
};

const COMPANION: Partial<Record<TableName, Rule[]>> = {
	places: [
		error(
			'name_ar',
			'is required but empty',
			(r) => r('name_ar') === '',
			(r) => `(${r('name_ar')} = '')`,
			true
		),
		error(
			'place_id',
			'must be a lowercase slug like al-omar-oil-field',
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
			problem: 'repeats actor1',
			js: (item, r) => item === r('actor1'),
			sql: (item, r) => `${item} = ${r('actor1')}`
		}
	];
	const reports = known?.reports;
	if (reports)
		out.push({
			column: 'source_ids',
			problem: 'is not in reports.csv',
			js: (item) => item !== '' && !reports.has(item),
			sql: (item) =>
				reports.size ? `(${item} <> '' AND ${item} NOT IN ${list([...reports])})` : `${item} <> ''`
		});
	return out;
}
