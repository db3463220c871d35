/**
 * Arrow IPC files (the file format, which Feather v2 is, and the stream
 * format) read with apache-arrow, the version DuckDB-WASM already brings.
 * Values are read from each column's own buffers where `get()` would round
 * (64-bit timestamps, decimals) and written as text by ./format.ts.
 */
import {
	tableFromIPC,
	Type,
	type Data,
	type DataType,
	type Table,
	type Vector
} from 'apache-arrow';
import {
	dateText,
	decimalText,
	doubleText,
	littleEndianWords,
	plainText,
	timestampText,
	type TimeUnit
} from './format';
import { BATCH_ROWS, ColumnarError, type ColumnarColumn, type ColumnarSource } from './source';

/** The text of row `i` of one record batch's column: its vector and that vector's one Data. */
type Cell = (v: Vector, d: Data, i: number) => string;

interface Plan {
	column: ColumnarColumn;
	cell: Cell;
}

/** Open an Arrow IPC file (read whole: IPC files are read from their footer). */
export async function readArrow(file: Blob): Promise<ColumnarSource> {
	const bytes = new Uint8Array(await file.arrayBuffer());
	let table: Table;
	try {
		table = tableFromIPC(bytes);
	} catch (error) {
		throw new ColumnarError(`not a readable Arrow IPC file (${reason(error)})`);
	}
	if (table.schema.fields.length === 0)
		throw new ColumnarError('not a readable Arrow IPC file (no columns)');
	const plans = table.schema.fields.map((f) => plan(f.name, f.type));
	const isFile = String.fromCharCode(...bytes.subarray(0, 6)) === 'ARROW1';
	return {
		format: 'arrow',
		detail: isFile ? 'IPC file' : 'IPC stream',
		columns: plans.map((p) => p.column),
		rows: table.numRows,
		batches: () => rowsOf(table, plans)
	};
}

async function* rowsOf(table: Table, plans: Plan[]): AsyncGenerator<string[][]> {
	for (const batch of table.batches) {
		const vectors = plans.map((_, c) => batch.getChildAt(c)!);
		const datas = vectors.map((v) => v.data[0]!);
		for (let start = 0; start < batch.numRows; start += BATCH_ROWS) {
			const end = Math.min(batch.numRows, start + BATCH_ROWS);
			const rows: string[][] = [];
			for (let i = start; i < end; i++)
				rows.push(
					plans.map((p, c) => {
						const d = datas[c]!;
						return d.getValid(i) ? p.cell(vectors[c]!, d, i) : '';
					})
				);
			yield rows;
		}
	}
}

const UNITS: Record<number, TimeUnit> = { 0: 'ms', 1: 'ms', 2: 'us', 3: 'ns' };

/** Seconds are kept as milliseconds (DuckDB's TIMESTAMP_S prints the same). */
function plan(name: string, type: DataType): Plan {
	const column = (t: string) => ({ name, type: t });
	const t = type as DataType & Record<string, unknown>;
	switch (type.typeId) {
		case Type.Bool:
			return { column: column('BOOLEAN'), cell: (v, _d, i) => String(v.get(i)) };
		case Type.Int: {
			const bits = t.bitWidth as number;
			const signed = t.isSigned as boolean;
			// Unsigned 32-bit values above 2^31 need BIGINT; 8- and 16-bit ones fit INTEGER.
			const wide = bits === 64 ? (signed ? 'BIGINT' : 'UBIGINT') : 'BIGINT';
			const duck = bits === 64 || (bits === 32 && !signed) ? wide : 'INTEGER';
			return { column: column(duck), cell: (_v, d, i) => String(d.values[d.offset + i]) };
		}
		case Type.Float:
			return { column: column('DOUBLE'), cell: (v, _d, i) => doubleText(Number(v.get(i))) };
		case Type.Date:
			return (t.unit as number) === 0
				? { column: column('DATE'), cell: (_v, d, i) => dateText(d.values[d.offset + i] as number) }
				: {
						column: column('DATE'),
						cell: (_v, d, i) => dateText(Number(d.values[d.offset + i]) / 86_400_000)
					};
		case Type.Timestamp: {
			const unit = t.unit as number;
			const scale = unit === 0 ? 1000n : 1n;
			return {
				column: column(unit === 3 ? 'TIMESTAMP_NS' : 'TIMESTAMP'),
				cell: (_v, d, i) =>
					timestampText(BigInt(d.values[d.offset + i] as bigint) * scale, UNITS[unit]!)
			};
		}
		case Type.Decimal: {
			const precision = t.precision as number;
			const scale = t.scale as number;
			const words = ((t.bitWidth as number | undefined) ?? 128) / 32;
			return {
				column: column(precision <= 38 ? `DECIMAL(${precision},${scale})` : 'VARCHAR'),
				cell: (_v, d, i) =>
					decimalText(
						littleEndianWords(d.values as Uint32Array, (d.offset + i) * words, words),
						scale
					)
			};
		}
		case Type.Utf8:
		case Type.LargeUtf8:
		case Type.Dictionary:
			return { column: column('VARCHAR'), cell: (v, _d, i) => plainText(v.get(i)) };
		default:
			return { column: column('VARCHAR'), cell: (v, _d, i) => plainText(jsonable(v.get(i))) };
	}
}

/** Nested values (lists, structs, maps) as plain JSON-ready values. */
function jsonable(v: unknown): unknown {
	if (v && typeof v === 'object' && 'toJSON' in v) return (v as { toJSON(): unknown }).toJSON();
	return v;
}

function reason(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
