import {
	ACLED_2024_COLUMNS,
	ACLED_CLASSIC_COLUMNS,
	COUNTRY_CODES,
	DISORDER_TYPE
} from '$lib/schema/acled';
import { RAQIB_EXTENSIONS } from '$lib/schema/tables';
import { ACLED_INTER } from '$lib/schema/vocab';
import { quoteIdent, quoteLiteral } from './sql';
import type { SqlQuery } from './types';

/** Which ACLED export to write: the classic 31 columns or the 2024 layout (inter codes as text). */
export type AcledLayout = 'classic' | '2024';
/** How event_date is written: ISO `2020-03-21` or ACLED's `21 March 2020`. */
export type AcledDateStyle = 'iso' | 'acled';

export interface AcledExportOptions {
	layout: AcledLayout;
	dateStyle: AcledDateStyle;
	/** Add Raqib's coding extensions (and dataset) as extra columns after ACLED's. */
	extensions: boolean;
}

const values = (pairs: [string, string][]) =>
	pairs.map(([k, v]) => `(${quoteLiteral(k)}, ${quoteLiteral(v)})`).join(', ');
/** (code, text) of ACLED's inter codes, as SQL VALUES rows. */
const INTER_TEXT = Object.entries(ACLED_INTER)
	.map(([k, v]) => `(${Number(k)}, ${quoteLiteral(v)})`)
	.join(', ');

/**
 * ACLED's value of each column for one incident row `i` (with its place `p`,
 * actors `a1`/`a2`, country codes `c`): the row's own value when it has one (an
 * imported row keeps exactly what its file said), otherwise what Raqib's
 * companion tables give (admin names and coordinates from places, inter codes
 * from actors, outlet names from reports, year from the date). Never invented:
 * what nothing gives stays empty. Lists are joined with ACLED's '; '.
 */
function columnSql(name: string, o: AcledExportOptions): string {
	const own = `i.${quoteIdent(name)}`;
	// A cell written as a code ('1') or as text ('State forces'); else the actor's code in actors.csv.
	const interOf = (actor: 'a1' | 'a2', cell: string) => {
		const digit = `CASE WHEN regexp_full_match(coalesce(${cell}, ''), '[0-8]') THEN ${cell} END`;
		const text = `CASE WHEN NOT regexp_full_match(coalesce(${cell}, ''), '[0-8]?') THEN ${cell} END`;
		const code = `coalesce(CAST(${digit} AS INTEGER), (SELECT k FROM (VALUES ${INTER_TEXT}) AS t(k, v) WHERE lower(rtrim(v, 's')) = lower(rtrim(${cell}, 's'))), ${actor}.acled_inter)`;
		return o.layout === '2024'
			? `coalesce(${text}, (SELECT v FROM (VALUES ${INTER_TEXT}) AS t(k, v) WHERE k = ${code}))`
			: `CAST(${code} AS VARCHAR)`;
	};
	switch (name) {
		case 'event_id_cnty':
			return `coalesce(${own}, i.incident_id)`;
		case 'event_date':
			return o.dateStyle === 'acled'
				? `strftime(i.event_date, '%d %B %Y')`
				: `strftime(i.event_date, '%Y-%m-%d')`;
		case 'year':
			return `coalesce(${own}, year(i.event_date))`;
		case 'disorder_type':
			return `coalesce(${own}, (SELECT v FROM (VALUES ${values(Object.entries(DISORDER_TYPE))}) AS t(k, v) WHERE k = i.event_type))`;
		case 'assoc_actor_1':
		case 'assoc_actor_2':
			return `array_to_string(list_transform(string_split(${own}, ';'), x -> trim(x)), '; ')`;
		case 'inter1':
			return interOf('a1', own);
		case 'inter2':
			return `CASE WHEN coalesce(i.actor2, '') = '' AND coalesce(${own}, '') = '' THEN ${o.layout === '2024' ? 'NULL' : "'0'"} ELSE ${interOf('a2', own)} END`;
		case 'interaction':
			return `coalesce(${own}, CASE WHEN a1.acled_inter IS NOT NULL THEN CAST(least(a1.acled_inter, coalesce(nullif(a2.acled_inter, 0), 9)) AS VARCHAR) || CAST(CASE WHEN a2.acled_inter IS NULL THEN 0 ELSE greatest(a1.acled_inter, a2.acled_inter) END AS VARCHAR) END)`;
		case 'country':
			return `coalesce(${own}, p.country)`;
		case 'iso':
			return `coalesce(${own}, c.iso)`;
		case 'iso3':
			return `coalesce(${own}, c.iso3)`;
		case 'region':
			return `coalesce(${own}, c.region)`;
		case 'admin1':
		case 'admin2':
		case 'admin3':
		case 'geo_precision':
			return `coalesce(${own}, p.${quoteIdent(name)})`;
		case 'latitude':
		case 'longitude':
			// ACLED writes four decimals: the row's DECIMAL prints them; a place's DOUBLE is printed so.
			return `coalesce(CAST(${own} AS VARCHAR), printf('%.4f', p.${quoteIdent(name)}))`;
		case 'location':
			return `coalesce(${own}, p.name_en)`;
		case 'source':
			return `coalesce(${own}, (SELECT string_agg(DISTINCT r.outlet, '; ' ORDER BY r.outlet) FROM unnest(string_split(i.source_ids, ';')) AS s(id) JOIN reports AS r ON r.report_id = trim(s.id)))`;
		default:
			return own;
	}
}

/**
 * Every incident as an ACLED export: exactly ACLED's columns of the chosen
 * layout, in ACLED's order, with ACLED's conventions (see columnSql), newest
 * last by date then id. With `extensions`, Raqib's coding columns and the
 * dataset follow ACLED's. All values are constants of the codebook, none user text.
 */
export function acledExport(o: AcledExportOptions): SqlQuery {
	const columns: readonly string[] =
		o.layout === '2024' ? ACLED_2024_COLUMNS : ACLED_CLASSIC_COLUMNS;
	const select = columns.map((c) => `${columnSql(c, o)} AS ${quoteIdent(c)}`);
	if (o.extensions)
		for (const c of ['dataset', 'place_id', ...RAQIB_EXTENSIONS])
			select.push(`i.${quoteIdent(c)} AS ${quoteIdent(c)}`);
	const countries = Object.entries(COUNTRY_CODES)
		.map(
			([name, v]) =>
				`(${quoteLiteral(name)}, ${v.iso}, ${quoteLiteral(v.iso3)}, ${quoteLiteral(v.region)})`
		)
		.join(', ');
	return {
		sql: `SELECT ${select.join(',\n\t')}
FROM incidents AS i
LEFT JOIN (SELECT place_id, any_value(name_en) AS name_en, any_value(admin1) AS admin1,
		any_value(admin2) AS admin2, any_value(admin3) AS admin3, any_value(country) AS country,
		any_value(latitude) AS latitude, any_value(longitude) AS longitude,
		any_value(geo_precision) AS geo_precision
	FROM places GROUP BY place_id) AS p ON p.place_id = i.place_id
LEFT JOIN (SELECT actor, any_value(acled_inter) AS acled_inter FROM actors GROUP BY actor) AS a1
	ON a1.actor = i.actor1
LEFT JOIN (SELECT actor, any_value(acled_inter) AS acled_inter FROM actors GROUP BY actor) AS a2
	ON a2.actor = i.actor2
LEFT JOIN (VALUES ${countries}) AS c(name, iso, iso3, region)
	ON c.name = coalesce(i.country, p.country)
ORDER BY i.event_date, i.incident_id`
	};
}
