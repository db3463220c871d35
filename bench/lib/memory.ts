/** SQL that reports DuckDB's own memory use, in MB (the same in WASM and native). */
export const MEMORY_SQL =
	'SELECT (sum(memory_usage_bytes) / 1e6)::DOUBLE AS mb FROM duckdb_memory()';
