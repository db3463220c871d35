/**
 * SYNTHETIC test data for the Parquet and Arrow uploads: seeded, generated
 * here, no real incident in it. One set of rows is written as a DuckDB
 * table (the reference), as Parquet by hyparquet-writer and by native DuckDB
 * with each codec, and as Arrow IPC by apache-arrow.
 */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import {
	Bool,
	DateDay,
	Decimal,
	Float64,
	Int32,
	TimestampMicrosecond,
	Utf8,
	makeData,
	makeVector,
	Table,
	tableToIPC,
	vectorFromArray,
	type DataType,
	type Vector
} from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import {
	dateText,
	decimalText,
	doubleText,
	timestampText
} from '../../../src/lib/ingest/columnar/format';

export interface Synthetic {
	id: bigint;
	small: number | null;
	day: number | null;
	/** DECIMAL(12,3), unscaled. */
	amount: bigint | null;
	ratio: number | null;
	name: string | null;
	flag: boolean | null;
	/** Microseconds since the epoch. */
	stamp: bigint | null;
}

/** The DuckDB type each column keeps. */
export const TYPES: Record<keyof Synthetic, string> = {
	id: 'BIGINT',
	small: 'INTEGER',
	day: 'DATE',
	amount: 'DECIMAL(12,3)',
	ratio: 'DOUBLE',
	name: 'VARCHAR',
	flag: 'BOOLEAN',
	stamp: 'TIMESTAMP'
};
export const NAMES = Object.keys(TYPES) as (keyof Synthetic)[];

function mulberry32(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = [
	'synthetic',
	'دير الزور',
	'a "quoted", word',
	'line\nbreak',
	'x',
	'٣ قرى',
	'  spaced  '
];
const RATIOS = [0.1, 1e-7, 1e20, 123456789.125, -2.5e-10, 3, 1e16, 1e15 + 0.5, 5e-324];

/** `n` seeded rows; every column but id is sometimes missing. */
export function syntheticRows(n: number, seed = 13): Synthetic[] {
	const r = mulberry32(seed);
	const maybe = <T>(v: T): T | null => (r() < 0.1 ? null : v);
	return Array.from({ length: n }, (_, i) => ({
		id: BigInt(i) * 1_000_000_007n + 9_007_199_254_740_993n,
		small: maybe(Math.floor(r() * 4_000_000_000) - 2_000_000_000),
		day: maybe(Math.floor(r() * 40_000) - 5_000),
		amount: maybe(BigInt(Math.floor(r() * 2e11)) - 100_000_000_000n),
		ratio: maybe(i < RATIOS.length ? RATIOS[i]! : (r() - 0.5) * 10 ** Math.floor(r() * 30 - 12)),
		name: maybe(`${WORDS[Math.floor(r() * WORDS.length)]} ${i}`),
		flag: maybe(r() < 0.5),
		stamp: maybe(BigInt(Math.floor(r() * 2e9)) * 1_000_000n + BigInt(Math.floor(r() * 1e6)))
	}));
}

/** The value as DuckDB prints it (`::VARCHAR`), or null. */
export function expectedText(row: Synthetic, c: keyof Synthetic): string | null {
	const v = row[c];
	if (v === null) return null;
	switch (c) {
		case 'day':
			return dateText(v as number);
		case 'amount':
			return decimalText(v as bigint, 3);
		case 'ratio':
			return doubleText(v as number);
		case 'stamp':
			return timestampText(v as bigint, 'us');
		default:
			return String(v);
	}
}

/** The rows as SQL literals for an INSERT into the reference table. */
export function valuesSql(rows: Synthetic[]): string {
	const lit = (row: Synthetic, c: keyof Synthetic) => {
		const t = expectedText(row, c);
		return t === null ? 'NULL' : `'${t.replaceAll("'", "''")}'::${TYPES[c]}`;
	};
	return rows.map((row) => `(${NAMES.map((c) => lit(row, c)).join(', ')})`).join(',\n');
}

/** Parquet written by hyparquet-writer with `codec`. */
export function hyparquetFile(rows: Synthetic[], codec: string): Uint8Array<ArrayBuffer> {
	const col = <K extends keyof Synthetic>(k: K) => rows.map((r) => r[k]);
	const schema = [
		{ name: 'root', num_children: NAMES.length },
		{ name: 'id', type: 'INT64', repetition_type: 'REQUIRED' },
		{ name: 'small', type: 'INT32', repetition_type: 'OPTIONAL' },
		{ name: 'day', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
		{
			name: 'amount',
			type: 'INT64',
			converted_type: 'DECIMAL',
			precision: 12,
			scale: 3,
			repetition_type: 'OPTIONAL'
		},
		{ name: 'ratio', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
		{ name: 'name', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' },
		{ name: 'flag', type: 'BOOLEAN', repetition_type: 'OPTIONAL' },
		{
			name: 'stamp',
			type: 'INT64',
			logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MICROS' },
			repetition_type: 'OPTIONAL'
		}
	];
	const columnData = [
		{ name: 'id', data: col('id') },
		{ name: 'small', data: col('small') },
		// hyparquet-writer takes dates as Date objects.
		{ name: 'day', data: col('day').map((d) => (d === null ? null : new Date(d * 86_400_000))) },
		{ name: 'amount', data: col('amount') },
		{ name: 'ratio', data: col('ratio') },
		{ name: 'name', data: col('name') },
		{ name: 'flag', data: col('flag') },
		{ name: 'stamp', data: col('stamp') }
	];
	const compressors = {
		GZIP: (b: Uint8Array) => new Uint8Array(gzipSync(b)),
		BROTLI: (b: Uint8Array) => new Uint8Array(brotliCompressSync(b))
	};
	const buffer = parquetWriteBuffer({
		columnData,
		schema,
		codec,
		compressors,
		rowGroupSize: 150
	} as never);
	return new Uint8Array(buffer);
}

/** A nullable vector of `type` over `values` (typed array), nulls where `valid` is false. */
function vectorOf(type: DataType, values: ArrayLike<unknown>, valid: boolean[]): Vector {
	const nullBitmap = new Uint8Array(Math.ceil(valid.length / 8));
	valid.forEach((ok, i) => ok && (nullBitmap[i >> 3]! |= 1 << (i % 8)));
	return makeVector(
		makeData({
			type,
			length: valid.length,
			nullCount: valid.filter((v) => !v).length,
			nullBitmap,
			data: values
		} as never)
	);
}

/** Arrow IPC (`file` or `stream` format) written by apache-arrow. */
export function arrowFile(rows: Synthetic[], format: 'file' | 'stream'): Uint8Array<ArrayBuffer> {
	const ok = (k: keyof Synthetic) => rows.map((r) => r[k] !== null);
	const words = new Uint32Array(rows.length * 4);
	rows.forEach((r, i) => {
		let v = BigInt.asUintN(128, r.amount ?? 0n);
		for (let w = 0; w < 4; w++, v >>= 32n) words[i * 4 + w] = Number(v & 0xffffffffn);
	});
	const table = new Table({
		id: makeVector(new BigInt64Array(rows.map((r) => r.id))),
		small: vectorOf(
			new Int32(),
			Int32Array.from(rows, (r) => r.small ?? 0),
			ok('small')
		),
		day: vectorOf(
			new DateDay(),
			Int32Array.from(rows, (r) => r.day ?? 0),
			ok('day')
		),
		amount: vectorOf(new Decimal(3, 12, 128), words, ok('amount')),
		ratio: vectorFromArray(
			rows.map((r) => r.ratio),
			new Float64()
		),
		name: vectorFromArray(
			rows.map((r) => r.name),
			new Utf8()
		),
		flag: vectorFromArray(
			rows.map((r) => r.flag),
			new Bool()
		),
		stamp: vectorOf(
			new TimestampMicrosecond(),
			BigInt64Array.from(rows, (r) => r.stamp ?? 0n),
			ok('stamp')
		)
	});
	return new Uint8Array(tableToIPC(table, format));
}
