/**
 * Spreadsheet-safe CSV text: the one rule every CSV Raqib writes follows
 * (table downloads, the SQL export, chart CSVs, the problems list), and the
 * one rule its upload uses to undo it.
 *
 * A spreadsheet runs a cell as a formula when its text starts with `=`, `+`,
 * `-`, `@` (OWASP "CSV injection"), and some also after leading spaces, with
 * the full-width forms (`＝` U+FF1D, …), with `|` (DDE) or after a leading
 * tab or line break. Such text is written with one `'` in front, which
 * spreadsheets read as "this is text". Plain numbers (`-5`, `+1.5e3`) run as
 * the number they are and stay as written; so do dates.
 *
 * The mark must come off again on upload, and unambiguously: text that
 * already starts with `'` before a formula character (`'=x`) gets one more
 * `'` on the way out (`''=x`). So on the way in, exactly one `'` comes off any
 * text that is apostrophes followed by formula-like text, and
 * `restore(neutralise(t)) === t` for every string t. (A file Raqib did not
 * write follows the spreadsheet convention: `'=x` means the text `=x`.)
 *
 * The same patterns drive the SQL form used by DuckDB's own CSV writer
 * (neutraliseSql); RE2 and JavaScript read them alike.
 */
import { quoteLiteral } from '$lib/query/sql';

/** Leading blanks some spreadsheets skip before a formula: space, tab, CR, LF, no-break and ideographic space. */
const BLANKS = ' \t\r\n\u00A0\u3000';
/** Formula starts: ASCII, DDE's `|`, and the full-width = + @ -. (`-` last so it is literal in a class.) */
const STARTS = '=+@|\uFF1D\uFF0B\uFF20\uFF0D-';

/** Text a spreadsheet may run: a leading tab or line break, or blanks then a formula character. */
export const FORMULA_PATTERN = `^(?:[\t\r\n]|[${BLANKS}]*[${STARTS}])`;
/** A plain decimal number with an optional sign and exponent: safe as it is. */
export const NUMBER_PATTERN = '^[+-]?(?:[0-9]+(?:[.][0-9]*)?|[.][0-9]+)(?:[eE][+-]?[0-9]+)?$';

const FORMULA = new RegExp(FORMULA_PATTERN);
const NUMBER = new RegExp(NUMBER_PATTERN);
const MARKS = /^'+/;

/** True when a spreadsheet could run this text as a formula (plain numbers are not). */
export function isFormulaLike(text: string): boolean {
	return FORMULA.test(text) && !NUMBER.test(text);
}

/** Whether `text` is written with a `'` in front: formula-like after any apostrophes it already has. */
function needsMark(text: string): boolean {
	return isFormulaLike(text.replace(MARKS, ''));
}

/** The text as written to a CSV: with one `'` in front when a spreadsheet could run it. */
export function neutralise(text: string): string {
	return needsMark(text) ? `'${text}` : text;
}

/** The text as read from a CSV: undoes neutralise() (one `'` off marked text), leaves the rest as is. */
export function restore(text: string): string {
	return text.startsWith("'") && needsMark(text) ? text.slice(1) : text;
}

/** Whether restore() would change this text (for telling the user how many cells it did). */
export function isMarked(text: string): boolean {
	return text.startsWith("'") && needsMark(text);
}

/**
 * neutralise() as a DuckDB expression over a VARCHAR expression (for COPY …
 * TO). NULL stays NULL.
 */
export function neutraliseSql(expr: string): string {
	const bare = `ltrim(${expr}, '''')`;
	const risky = `regexp_matches(${bare}, ${quoteLiteral(FORMULA_PATTERN)}) AND NOT regexp_matches(${bare}, ${quoteLiteral(NUMBER_PATTERN)})`;
	return `CASE WHEN ${risky} THEN '''' || ${expr} ELSE ${expr} END`;
}
