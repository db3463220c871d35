import { PostgreSQL, sql, SQLDialect, type SQLNamespace } from '@codemirror/lang-sql';
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

/**
 * DuckDB speaks PostgreSQL's dialect plus its own words. Until the engine has
 * told us its keyword list (duckdb_keywords()), these few DuckDB additions
 * cover what people type most.
 */
const DUCKDB_EXTRA =
	'qualify pivot unpivot summarize describe attach detach install load pragma macro struct map list union_by_name columns exclude replace positional asof anti semi sample using';

/** The editor's SQL support: DuckDB keywords and functions, tables and columns from the live catalog. */
export function duckdbSql(
	keywords: readonly string[],
	functions: readonly string[],
	schema: SQLNamespace
): Extension {
	const dialect = SQLDialect.define({
		...PostgreSQL.spec,
		keywords: [PostgreSQL.spec.keywords ?? '', DUCKDB_EXTRA, ...keywords].join(' ').toLowerCase(),
		builtin: [PostgreSQL.spec.builtin ?? '', ...functions].join(' '),
		doubleDollarQuotedStrings: true
	});
	return sql({ dialect, schema, upperCaseKeywords: true });
}

/** Mark (or clear, with null) the characters an error points at. */
export const setErrorMark = StateEffect.define<{ from: number; to: number } | null>();

const errorMark = Decoration.mark({
	class: 'cm-sql-error',
	attributes: { 'aria-invalid': 'true' }
});
const errorLine = Decoration.line({ class: 'cm-sql-error-line' });

/** The underlined error position; any edit clears it (the position no longer means anything). */
export const errorField = StateField.define<DecorationSet>({
	create: () => Decoration.none,
	update(marks, tr) {
		if (tr.docChanged) return Decoration.none;
		for (const e of tr.effects) {
			if (!e.is(setErrorMark)) continue;
			if (!e.value) return Decoration.none;
			const { from, to } = e.value;
			const line = tr.state.doc.lineAt(from);
			return Decoration.set([
				errorLine.range(line.from),
				errorMark.range(from, Math.max(to, from + 1))
			]);
		}
		return marks;
	},
	provide: (f) => EditorView.decorations.from(f)
});
