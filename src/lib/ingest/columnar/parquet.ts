/**
 * Parquet files read in JavaScript with hyparquet and hyparquet-compressors
 * (snappy, gzip, zstd, brotli, lz4): DuckDB-WASM's parquet reader is an
 * extension, not bundled and never fetched. The file is read a row group at
 * a time through `File.slice`, so only one group's columns are in memory.
 *
 * Values are written as text by ./format.ts, and hyparquet is asked for the
 * raw integers where its own conversion would round: DECIMAL (which it turns
 * into a double) is read as the unscaled integer; DATE and TIMESTAMP are
 * written straight from the day or unit count.
 */
import {
	parquetMetadataAsync,
	parquetRead,
	parquetSchema,
	type AsyncBuffer,
	type FileMetaData,
	type SchemaElement,
	type SchemaTree
} from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import {
	bigEndianInteger,
	dateText,
	decimalText,
	doubleText,
	plainText,
	timestampText
} from './format';
import { BATCH_ROWS, ColumnarError, type ColumnarColumn, type ColumnarSource } from './source';

const fileBuffer = (file: Blob): AsyncBuffer => ({
	byteLength: file.size,
	slice: (start, end) => file.slice(start, end).arrayBuffer()
});

/** A decimal column: its scale (hyparquet is told the column is a plain integer). */
type Cell = (v: unknown) => string;

interface Plan {
	column: ColumnarColumn;
	cell: Cell;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Open a Parquet file: its schema and row count. Throws ColumnarError when it is not readable. */
export async function readParquet(file: Blob): Promise<ColumnarSource> {
	let metadata: FileMetaData;
	try {
		metadata = await parquetMetadataAsync(fileBuffer(file));
	} catch (error) {
		throw new ColumnarError(`not a readable Parquet file (${reason(error)})`);
	}
	const plain = { ...metadata, schema: metadata.schema.map((e) => ({ ...e })) };
	const plans = parquetSchema(plain).children.map((node) => plan(node));
	const codecs = new Set(
		metadata.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec ?? 'UNCOMPRESSED'))
	);
	return {
		format: 'parquet',
		detail: [...codecs].join(', '),
		columns: plans.map((p) => p.column),
		rows: Number(metadata.num_rows),
		batches: () => groups(file, plain, plans)
	};
}

async function* groups(
	file: Blob,
	metadata: FileMetaData,
	plans: Plan[]
): AsyncGenerator<string[][]> {
	let start = 0;
	for (const group of metadata.row_groups) {
		const end = start + Number(group.num_rows);
		let rows: unknown[][] = [];
		try {
			await parquetRead({
				file: fileBuffer(file),
				metadata,
				compressors,
				rowStart: start,
				rowEnd: end,
				utf8: false,
				parsers: PARSERS,
				onComplete: (r: unknown[][]) => (rows = r)
			});
		} catch (error) {
			throw new ColumnarError(`rows ${start + 1}–${end} cannot be read (${reason(error)})`);
		}
		for (let i = 0; i < rows.length; i += BATCH_ROWS)
			yield rows.slice(i, i + BATCH_ROWS).map((row) => plans.map((p, c) => p.cell(row[c])));
		start = end;
	}
}

/** Dates and timestamps come out as text already; JSON stays the text the file holds. */
const PARSERS = {
	dateFromDays: (days: number) => dateText(days),
	timestampFromMilliseconds: (v: bigint) => timestampText(BigInt(v), 'ms'),
	timestampFromMicroseconds: (v: bigint) => timestampText(BigInt(v), 'us'),
	timestampFromNanoseconds: (v: bigint) => timestampText(BigInt(v), 'ns'),
	jsonFromBytes: (bytes: Uint8Array) => bytes && new TextDecoder().decode(bytes)
} as never;

const text = (v: unknown): string => {
	if (v === null || v === undefined) return '';
	if (v instanceof Uint8Array) return utf8.decode(v);
	return plainText(v);
};

/** The DuckDB type and the text of each value, from the column's Parquet schema. */
function plan(node: SchemaTree): Plan {
	const e = node.element;
	const name = e.name;
	const column = (type: string) => ({ name, type });
	if (node.children.length > 0) return { column: column('VARCHAR'), cell: nested };
	const decimal = e.converted_type === 'DECIMAL' || e.logical_type?.type === 'DECIMAL';
	if (decimal) return decimalPlan(e);
	const lt = e.logical_type;
	switch (e.type) {
		case 'BOOLEAN':
			return { column: column('BOOLEAN'), cell: text };
		case 'INT32':
			if (e.converted_type === 'DATE' || lt?.type === 'DATE')
				return { column: column('DATE'), cell: text };
			if (e.converted_type === 'UINT_32' || (lt?.type === 'INTEGER' && !lt.isSigned))
				return { column: column('BIGINT'), cell: text };
			return { column: column('INTEGER'), cell: text };
		case 'INT64':
			if (isTimestamp(e)) return { column: column(timestampType(e)), cell: text };
			if (e.converted_type === 'UINT_64' || (lt?.type === 'INTEGER' && !lt.isSigned))
				return { column: column('UBIGINT'), cell: text };
			return { column: column('BIGINT'), cell: text };
		case 'INT96':
			return { column: column('TIMESTAMP_NS'), cell: text };
		case 'FLOAT':
		case 'DOUBLE':
			return {
				column: column('DOUBLE'),
				cell: (v) => (v === null || v === undefined ? '' : doubleText(Number(v)))
			};
		default:
			return { column: column('VARCHAR'), cell: safeText(name) };
	}
}

function isTimestamp(e: SchemaElement): boolean {
	return (
		e.converted_type === 'TIMESTAMP_MILLIS' ||
		e.converted_type === 'TIMESTAMP_MICROS' ||
		e.logical_type?.type === 'TIMESTAMP'
	);
}

function timestampType(e: SchemaElement): string {
	const lt = e.logical_type;
	return lt?.type === 'TIMESTAMP' && lt.unit === 'NANOS' ? 'TIMESTAMP_NS' : 'TIMESTAMP';
}

/** Text that is not UTF-8 (binary data) cannot be stored as written: the column is named. */
function safeText(name: string): Cell {
	return (v) => {
		try {
			return text(v);
		} catch {
			throw new ColumnarError('holds bytes that are not UTF-8 text', name);
		}
	};
}

const nested: Cell = (v) => (v === null || v === undefined ? '' : plainText(v));

/**
 * DECIMAL(p, s): hyparquet would return a double, so the element is changed
 * (in our copy of the metadata) to a plain integer and the unscaled value is
 * written here with its s fraction digits. Precision above 38 is text.
 */
function decimalPlan(e: SchemaElement): Plan {
	const scale = e.scale ?? (e.logical_type as { scale?: number } | undefined)?.scale ?? 0;
	const precision =
		e.precision ?? (e.logical_type as { precision?: number } | undefined)?.precision ?? 38;
	delete e.converted_type;
	delete e.logical_type;
	const type = precision <= 38 ? `DECIMAL(${precision},${scale})` : 'VARCHAR';
	return {
		column: { name: e.name, type },
		cell: (v) => {
			if (v === null || v === undefined) return '';
			const unscaled = v instanceof Uint8Array ? bigEndianInteger(v) : BigInt(v as number);
			return decimalText(unscaled, scale);
		}
	};
}

function reason(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
