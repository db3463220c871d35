/** Quote an identifier for DuckDB: "name", with inner quotes doubled. */
export function quoteIdent(name: string): string {
	return `"${name.replaceAll('"', '""')}"`;
}

/** Quote a string literal for DuckDB: 'text', with inner quotes doubled. */
export function quoteLiteral(text: string): string {
	return `'${text.replaceAll("'", "''")}'`;
}
