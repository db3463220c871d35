import { Type, type DataType } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ResultColumn, ResultTable } from '$lib/grid/result';

type Element = Record<string, string | number>;

/**
 * A query result as a Parquet file, written in JS: DuckDB-WASM's own Parquet
 * writer is an extension, and extensions cannot be fetched offline. Numbers,
 * booleans, text, dates and timestamps (to the millisecond) keep their types;
 * DECIMAL and HUGEINT keep their exact digits as DECIMAL; nested values (LIST,
 * STRUCT, MAP) are written as JSON text. Repeated column names get a suffix,
 * since a Parquet schema needs unique names.
 */
export function resultToParquet(result: ResultTable): ArrayBuffer {
	const names = uniqueNames(result.columns.map((c) => c.name));
	const kinds = result.columns.map((c) => parquetKind(c));
	const columnData = result.columns.map((col, c) => {
		const data = new Array<unknown>(result.numRows);
		for (let r = 0; r < result.numRows; r++) {
			const raw = col.vector?.get(result.rowAt(r)) ?? null;
			data[r] = raw === null ? null : kinds[c]!.value(raw, result.value(r, c));
		}
		return { name: names[c]!, data };
	});
	const schema = [
		{ name: 'root', num_children: names.length },
		...kinds.map((k, c) => ({ name: names[c]!, repetition_type: 'OPTIONAL', ...k.element }))
	];
	return parquetWriteBuffer({ columnData, schema, createdBy: 'Raqib' } as never);
}

function uniqueNames(names: string[]): string[] {
	const seen = new Map<string, number>();
	return names.map((n) => {
		const k = (seen.get(n) ?? 0) + 1;
		seen.set(n, k);
		return k === 1 ? n : `${n}_${k}`;
	});
}

interface Kind {
	element: Element;
	/** From the raw Arrow value and the normalised one to what hyparquet-writer takes. */
	value(raw: unknown, normal: unknown): unknown;
}

const same = (v: unknown) => v;
const asDate = (v: unknown) => new Date(Number(v));

function parquetKind(col: ResultColumn): Kind {
	const type = col.arrow;
	const t = type as DataType & Record<string, number | boolean>;
	if (col.type === 'UHUGEINT') return uhugeint(col.name);
	switch (type.typeId) {
		case Type.Bool:
			return { element: { type: 'BOOLEAN' }, value: same };
		case Type.Int:
			if ((t.bitWidth as number) <= 32 && t.isSigned)
				return { element: { type: 'INT32' }, value: same };
			// UBIGINT: INT64 marked UINT_64 (the writer stores the unsigned value's bits).
			if ((t.bitWidth as number) === 64 && !t.isSigned)
				return {
					element: { type: 'INT64', converted_type: 'UINT_64' },
					value: (v) => BigInt(v as bigint)
				};
			return { element: { type: 'INT64' }, value: (v) => BigInt(v as bigint) };
		case Type.Float:
			return { element: { type: 'DOUBLE' }, value: same };
		case Type.Utf8:
		case Type.LargeUtf8:
			return { element: { type: 'BYTE_ARRAY', converted_type: 'UTF8' }, value: same };
		case Type.Date:
			return { element: { type: 'INT32', converted_type: 'DATE' }, value: asDate };
		case Type.Timestamp:
			return { element: { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' }, value: asDate };
		case Type.Decimal:
			return {
				element: {
					type: 'FIXED_LEN_BYTE_ARRAY',
					type_length: 16,
					converted_type: 'DECIMAL',
					precision: t.precision as number,
					scale: t.scale as number
				},
				// The exact unscaled integer: the normalised digits without the point.
				value: (_raw, normal) => BigInt(String(normal).replace('.', ''))
			};
		default:
			return {
				element: { type: 'BYTE_ARRAY', converted_type: 'JSON' },
				value: (_raw, normal) =>
					JSON.stringify(normal, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x))
			};
	}
}

/** The largest integer Parquet's 16-byte DECIMAL(38, 0) holds. */
const MAX_DECIMAL_38 = 10n ** 38n - 1n;

/**
 * UHUGEINT (128-bit unsigned, sent by DuckDB-WASM as 16 little-endian bytes)
 * as DECIMAL(38, 0). Parquet has no wider exact integer, so a value above
 * 10^38 - 1 refuses the whole column by name rather than change it.
 */
function uhugeint(name: string): Kind {
	return {
		element: {
			type: 'FIXED_LEN_BYTE_ARRAY',
			type_length: 16,
			converted_type: 'DECIMAL',
			precision: 38,
			scale: 0
		},
		value: (raw) => {
			let v = 0n;
			const bytes = raw as Uint8Array;
			for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]!);
			if (v > MAX_DECIMAL_38)
				throw new Error(
					`Column "${name}" (UHUGEINT) holds ${v}, above what Parquet can store exactly (10^38 - 1). Cast it to VARCHAR or export CSV.`
				);
			return v;
		}
	};
}
