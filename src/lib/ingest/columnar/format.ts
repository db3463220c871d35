/**
 * Typed values of a Parquet or Arrow file written as the text the rest of
 * the upload reads (the validator, the staging table, the exactness check of
 * ../../db/exact.ts). Each form is the one DuckDB prints for the same value
 * (`::VARCHAR`, checked cell by cell in tests/unit/ingest/columnar.test.ts),
 * so casting the text back to the column's type gives the value the file
 * holds, and no value is rounded on the way:
 * - DATE 'YYYY-MM-DD'; TIMESTAMP 'YYYY-MM-DD HH:MM:SS[.fraction]', trailing
 *   zeros of the fraction dropped, to the unit the file has (ms, µs or ns);
 * - integers in full (64-bit ones from bigint, never through a double);
 * - DECIMAL(p, s) from the unscaled integer, with all s fraction digits;
 * - DOUBLE in the shortest form that reads back to the same double, laid out
 *   as DuckDB does (exponent below 1e-4 and from 1e16: 1e-05, 1e+16).
 * A missing value (null) is the empty cell, which every reader stores as NULL.
 */

const DAY_MS = 86_400_000;
const pad = (n: number | bigint, width: number) => String(n).padStart(width, '0');

/** Days since 1970-01-01 as 'YYYY-MM-DD' (proleptic Gregorian, years 1–9999). */
export function dateText(days: number): string {
	return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** Units per second of a timestamp's integer. */
export type TimeUnit = 'ms' | 'us' | 'ns';
const PER_SECOND: Record<TimeUnit, bigint> = { ms: 1000n, us: 1_000_000n, ns: 1_000_000_000n };
const DIGITS: Record<TimeUnit, number> = { ms: 3, us: 6, ns: 9 };

/** A timestamp integer (since the epoch, in `unit`) as DuckDB prints a TIMESTAMP. */
export function timestampText(value: bigint, unit: TimeUnit): string {
	const per = PER_SECOND[unit];
	let seconds = value / per;
	let fraction = value % per;
	if (fraction < 0n) {
		fraction += per;
		seconds -= 1n;
	}
	const whole = new Date(Number(seconds) * 1000).toISOString();
	const base = `${whole.slice(0, 10)} ${whole.slice(11, 19)}`;
	const digits = pad(fraction, DIGITS[unit]).replace(/0+$/, '');
	return digits ? `${base}.${digits}` : base;
}

/** An unscaled decimal integer with `scale` fraction digits: -1250, 2 → '-12.50'. */
export function decimalText(unscaled: bigint, scale: number): string {
	if (scale <= 0) return String(unscaled);
	const negative = unscaled < 0n;
	const digits = pad(negative ? -unscaled : unscaled, scale + 1);
	const point = digits.length - scale;
	return `${negative ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Big-endian two's-complement bytes (Parquet's decimal bytes) as a bigint. */
export function bigEndianInteger(bytes: Uint8Array): bigint {
	let value = 0n;
	for (const b of bytes) value = (value << 8n) | BigInt(b);
	const bits = BigInt(bytes.length * 8);
	return bytes.length && bytes[0]! & 0x80 ? value - (1n << bits) : value;
}

/** Little-endian 32-bit words in two's complement (Arrow's decimal) as a bigint. */
export function littleEndianWords(words: Uint32Array, start: number, count: number): bigint {
	let value = 0n;
	for (let i = count - 1; i >= 0; i--) value = (value << 32n) | BigInt(words[start + i]!);
	const bits = BigInt(count * 32);
	return words[start + count - 1]! & 0x8000_0000 ? value - (1n << bits) : value;
}

/** A double as DuckDB prints it: shortest round-trip digits, Python's layout. */
export function doubleText(x: number): string {
	if (Number.isNaN(x)) return 'nan';
	if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
	if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
	const [mantissa, exp] = x.toExponential().split('e') as [string, string];
	const e = Number(exp);
	const sign = mantissa.startsWith('-') ? '-' : '';
	const digits = mantissa.replace(/[-.]/g, '');
	if (e < -4 || e >= 16) {
		const rest = digits.slice(1);
		return `${sign}${digits[0]}${rest ? `.${rest}` : ''}e${e < 0 ? '-' : '+'}${pad(Math.abs(e), 2)}`;
	}
	if (e < 0) return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
	const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
	const fraction = digits.slice(e + 1);
	return `${sign}${whole}.${fraction || '0'}`;
}

/** Text of a value with no special form: strings as they are, integers and booleans in full. */
export function plainText(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'string') return v;
	if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
	if (typeof v === 'number') return Number.isInteger(v) ? String(v) : doubleText(v);
	return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x));
}
