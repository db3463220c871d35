import { DataType, Type, type Field, type Table, type Vector } from 'apache-arrow';
import { converterFor, type Convert } from '$lib/db/values';
import { cellText } from './cell-text';

export interface ResultColumn {
	name: string;
	/** DuckDB's name for the type (from DESCRIBE when known, else read off the Arrow type). */
	type: string;
	arrow: DataType;
	/** Right-aligned in the grid; never formula-neutralised in CSV. */
	numeric: boolean;
	convert: Convert;
	vector: Vector | null;
}

/**
 * A query result kept in Arrow form. Rows are converted only when asked for
 * (the grid asks for the visible ones), so a million-row result costs its
 * Arrow buffers and no per-row JS objects. `order` is the displayed order
 * after a header click: a permutation of row indices.
 */
export class ResultTable {
	readonly columns: ResultColumn[];
	readonly numRows: number;
	order: Uint32Array | null = null;

	constructor(
		readonly table: Table,
		duckTypes: readonly (string | undefined)[] = []
	) {
		this.numRows = table.numRows;
		this.columns = table.schema.fields.map((f: Field, i) => ({
			name: f.name,
			type: duckTypes[i] ?? duckTypeName(f.type),
			arrow: f.type,
			numeric: isNumeric(f.type),
			convert: converterFor(f.type),
			vector: table.getChildAt(i)
		}));
	}

	/** Index in the Arrow table of the row shown at position `r`. */
	rowAt(r: number): number {
		return this.order ? this.order[r]! : r;
	}

	value(r: number, c: number): unknown {
		const col = this.columns[c]!;
		return col.convert(col.vector?.get(this.rowAt(r)) ?? null);
	}

	text(r: number, c: number): string | null {
		return cellText(this.value(r, c));
	}

	/** Every displayed row as cell texts, in displayed order (for export). */
	*texts(): Generator<(string | null)[]> {
		for (let r = 0; r < this.numRows; r++) {
			const row = new Array<string | null>(this.columns.length);
			for (let c = 0; c < this.columns.length; c++) row[c] = this.text(r, c);
			yield row;
		}
	}
}

export function isNumeric(type: DataType): boolean {
	return [Type.Int, Type.Float, Type.Decimal].includes(type.typeId);
}

/** DuckDB's type name for an Arrow type as duckdb-wasm produces it. */
export function duckTypeName(type: DataType): string {
	const t = type as DataType & Record<string, unknown>;
	switch (type.typeId) {
		case Type.Int: {
			const bits = t.bitWidth as number;
			const base = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' }[bits] ?? 'INTEGER';
			return t.isSigned ? base : `U${base}`;
		}
		case Type.Float:
			return t.precision === 1 ? 'FLOAT' : 'DOUBLE';
		case Type.Decimal:
			return `DECIMAL(${t.precision}, ${t.scale})`;
		case Type.Utf8:
		case Type.LargeUtf8:
			return 'VARCHAR';
		case Type.Bool:
			return 'BOOLEAN';
		case Type.Date:
			return 'DATE';
		case Type.Timestamp:
			return t.timezone ? 'TIMESTAMP WITH TIME ZONE' : 'TIMESTAMP';
		case Type.Time:
			return 'TIME';
		case Type.Interval:
			return 'INTERVAL';
		case Type.Binary:
		case Type.LargeBinary:
			return 'BLOB';
		case Type.Null:
			return 'NULL';
		case Type.List:
		case Type.FixedSizeList:
			return `${duckTypeName((type.children[0] as Field).type)}[]`;
		case Type.Struct:
			return `STRUCT(${(type.children as Field[]).map((f) => `${f.name} ${duckTypeName(f.type)}`).join(', ')})`;
		case Type.Map:
			return 'MAP';
		default:
			return String(type);
	}
}
