import { DataType, Type, type Field, type Table } from 'apache-arrow';
import type { Row } from './connector';

/** The one place where engine values become plain JS values (see Row). */
export type Convert = (value: unknown) => unknown;

const identity: Convert = (v) => v;

/** A 64-bit integer as a number when that is exact, else as its decimal digits. */
export function exactInteger(v: bigint): number | string {
	return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
		? Number(v)
		: v.toString();
}

/**
 * The exact unscaled integer of an Arrow DECIMAL value: its 32-bit words,
 * least significant first, read as one two's-complement integer. (Arrow's
 * own bigNumToBigInt goes through floats for wide negative values.)
 */
export function unscaledDecimal(value: unknown): bigint {
	const words = value as ArrayLike<number>;
	let x = 0n;
	for (let i = words.length - 1; i >= 0; i--) x = (x << 32n) | BigInt(words[i]! >>> 0);
	return BigInt.asIntN(words.length * 32, x);
}

/** An unscaled integer and a scale as a decimal string, with no float rounding. */
export function scaledDecimal(unscaled: bigint, scale: number): string {
	if (scale <= 0) return unscaled.toString();
	const negative = unscaled < 0n;
	const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
	const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
	return negative ? `-${text}` : text;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** DuckDB's DATE 'infinity' and '-infinity', as days since the epoch. */
const DATE_INFINITY = 2147483647;
const DAY_MS = 86_400_000;

/**
 * A JS Date for epoch milliseconds, only in years 1-9999 where JS and DuckDB
 * print the same digits. Throws RangeError otherwise (BC dates, infinity),
 * so no caller ever prints 'NaN-NaN-NaN'.
 */
function calendar(ms: number): Date {
	const d = new Date(ms);
	const year = d.getUTCFullYear();
	if (!(year >= 1 && year <= 9999)) throw new RangeError(`date out of range: ${ms} ms`);
	return d;
}

/** Epoch milliseconds as the calendar date DuckDB stored (dates carry no zone); infinity as DuckDB prints it. */
export function isoDate(ms: number): string {
	const days = ms / DAY_MS;
	if (days === DATE_INFINITY) return 'infinity';
	if (days === -DATE_INFINITY) return '-infinity';
	const d = calendar(ms);
	return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Epoch milliseconds as DuckDB prints a TIMESTAMP: 'YYYY-MM-DD HH:MM:SS[.mmm]'. */
export function isoTimestamp(ms: number): string {
	const d = calendar(ms);
	const frac = d.getUTCMilliseconds() ? `.${pad(d.getUTCMilliseconds(), 3)}` : '';
	return `${isoDate(ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS))} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac}`;
}

function nullable(f: Convert): Convert {
	return (v) => (v === null || v === undefined ? null : f(v));
}

/** A converter for one Arrow column type, chosen once per column, not per cell. */
export function converterFor(type: DataType): Convert {
	switch (type.typeId) {
		case Type.Int:
			return nullable((v) => (typeof v === 'bigint' ? exactInteger(v) : v));
		case Type.Decimal: {
			const scale = (type as unknown as { scale: number }).scale;
			return nullable((v) => scaledDecimal(unscaledDecimal(v), scale));
		}
		case Type.Date:
			return nullable((v) => isoDate(Number(v)));
		case Type.Timestamp:
			return nullable((v) => isoTimestamp(Number(v)));
		case Type.List:
		case Type.FixedSizeList: {
			const child = converterFor((type.children[0] as Field).type);
			return nullable((v) => Array.from(v as Iterable<unknown>, child));
		}
		case Type.Struct: {
			const fields = type.children as Field[];
			const children = fields.map((f) => [f.name, converterFor(f.type)] as const);
			return nullable((v) => {
				const src = v as Record<string, unknown>;
				return Object.fromEntries(children.map(([name, c]) => [name, c(src[name])]));
			});
		}
		case Type.Time:
		case Type.Interval:
		case Type.Duration:
			return nullable((v) => String(v));
		default:
			return identity;
	}
}

/** All rows of an Arrow table as plain objects. */
export function tableToRows<T = Row>(table: Table): T[] {
	const columns = table.schema.fields.map((f, i) => ({
		name: f.name,
		vector: table.getChildAt(i),
		convert: converterFor(f.type)
	}));
	const rows = new Array<T>(table.numRows);
	for (let r = 0; r < table.numRows; r++) {
		const row: Row = {};
		for (const c of columns) row[c.name] = c.convert(c.vector?.get(r));
		rows[r] = row as T;
	}
	return rows;
}
