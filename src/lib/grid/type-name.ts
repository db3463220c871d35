import { Type, type DataType, type Field } from 'apache-arrow';

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
