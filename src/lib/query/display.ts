/**
 * How the SQL console gets DuckDB's own text for a result. The user's last
 * statement is run once, as a subquery, with every column that JS cannot
 * print exactly as DuckDB does also cast to VARCHAR beside it:
 *
 *     SELECT c1, c2, CAST(c2 AS VARCHAR) FROM (<statement>) AS raqib_result(c1, c2)
 *
 * So the grid, the CSV/TSV export and the chart labels show DuckDB's text
 * for every type (INTERVAL, TIME, TIMESTAMP_NS, ENUM, UHUGEINT, BIT,
 * infinity, nested values, any type added later), while the typed column
 * stays for sorting and charting. Source: DuckDB's `::VARCHAR` cast is the
 * text its own shell prints.
 */

/** DuckDB types whose Arrow value JS prints exactly as DuckDB's `::VARCHAR` does. */
const EXACT_IN_JS =
	/^(VARCHAR|BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|DECIMAL\(\d+,\s*\d+\)|"NULL"|NULL)$/;

/** Whether a column of DuckDB type `type` needs DuckDB's own text beside its value. */
export function needsEngineText(type: string): boolean {
	return !EXACT_IN_JS.test(type.trim());
}

/**
 * The statement as a subquery body. `CALL f(…)` is the table function
 * `FROM f(…)`; a line break before the closing parenthesis ends any
 * trailing `-- comment`.
 */
export function asSubquery(statement: string): string {
	const call = /^\s*CALL\s+/i.exec(statement);
	return `(${call ? `FROM ${statement.slice(call[0].length)}` : statement}\n)`;
}

/** `DESCRIBE` of the statement as a subquery: its column names and DuckDB types, nothing run. */
export function describeResult(statement: string): string {
	return `DESCRIBE SELECT * FROM ${asSubquery(statement)} AS raqib_result`;
}

export interface DisplayColumn {
	name: string;
	/** DuckDB's type name. */
	type: string;
	/** Index of the typed value in the query's result. */
	value: number;
	/** Index of DuckDB's text for it, or null when JS prints the value exactly. */
	text: number | null;
}

export interface DisplayQuery {
	/** The statement to run instead of the user's, or null when it needs no text columns. */
	sql: string | null;
	columns: DisplayColumn[];
}

/** The query that returns the statement's columns plus DuckDB's text for those that need it. */
export function displayQuery(
	statement: string,
	described: readonly { name: string; type: string }[]
): DisplayQuery {
	const columns: DisplayColumn[] = described.map((d, i) => ({ ...d, value: i, text: null }));
	const casts: string[] = [];
	for (const col of columns)
		if (needsEngineText(col.type)) {
			col.text = described.length + casts.length;
			casts.push(`CAST(c${col.value + 1} AS VARCHAR)`);
		}
	if (casts.length === 0) return { sql: null, columns };
	const aliases = columns.map((c) => `c${c.value + 1}`).join(', ');
	return {
		sql: `SELECT ${[aliases, ...casts].join(', ')} FROM ${asSubquery(statement)} AS raqib_result(${aliases})`,
		columns
	};
}
