/**
 * A normalised value (see $lib/db/values) as the text a person reads in a
 * grid cell or a CSV field: nested values in DuckDB's literal style
 * (`[1, 2]`, `{'k': 'v'}`), BLOBs with \xNN escapes. null stays null so the
 * caller decides how NULL looks (a marker in the grid, an empty CSV field).
 */
export function cellText(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string') return value;
	return nested(value);
}

function nested(value: unknown): string {
	if (value === null || value === undefined) return 'NULL';
	if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
	if (typeof value === 'number') return floatText(value);
	if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
	if (value instanceof Uint8Array) return blob(value);
	if (Array.isArray(value)) return `[${value.map(nested).join(', ')}]`;
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'object') {
		const plain = 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : value;
		if (Array.isArray(plain)) return nested(plain);
		const entries = Object.entries(plain as Record<string, unknown>);
		return `{${entries.map(([k, v]) => `${nested(k)}: ${nested(v)}`).join(', ')}}`;
	}
	return String(value);
}

function blob(bytes: Uint8Array): string {
	let out = '';
	for (const b of bytes)
		out +=
			b >= 0x20 && b < 0x7f && b !== 0x5c
				? String.fromCharCode(b)
				: `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
	return out;
}

/** Non-finite floats as DuckDB prints them ('nan', 'inf', '-inf'), never JS's 'NaN'. */
function floatText(n: number): string {
	if (Number.isNaN(n)) return 'nan';
	if (n === Infinity) return 'inf';
	if (n === -Infinity) return '-inf';
	return String(n);
}
