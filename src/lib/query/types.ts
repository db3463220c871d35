/** A value bound to a `?` placeholder. Dates are bound as 'YYYY-MM-DD' strings and cast in SQL. */
export type Param = string | number | boolean | null;

/** SQL text with its positional `?` parameters: what every builder in this folder returns. */
export interface SqlQuery {
	sql: string;
	params?: readonly Param[];
}
