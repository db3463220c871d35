import { DataType, Type, type Field, type Table, type Vector } from 'apache-arrow';
import { converterFor, type Convert } from '$lib/db/values';
import { cellText } from './cell-text';
import { duckTypeName } from './type-name';

export { duckTypeName } from './type-name';

/** Where a displayed column's value and (optionally) DuckDB's text for it sit in the Arrow table. */
export interface ColumnLayout {
	name: string;
	/** DuckDB's name for the type. */
	type: string;
	/** Index of the typed value column. */
	value: number;
	/** Index of a VARCHAR column holding DuckDB's `::VARCHAR` text of the value, if any. */
	text: number | null;
}

export interface ResultColumn {
	name: string;
	/** DuckDB's name for the type (from DESCRIBE when known, else read off the Arrow type). */
	type: string;
	arrow: DataType;
	/** Right-aligned in the grid, sorted as numbers; never formula-neutralised in CSV. */
	numeric: boolean;
	convert: Convert;
	vector: Vector | null;
	/** DuckDB's own text for each value, when the engine supplied it. */
	textVector: Vector | null;
}

/**
 * A query result kept in Arrow form. Rows are converted only when asked for
 * (the grid asks for the visible ones), so a million-row result costs its
 * Arrow buffers and no per-row JS objects. `order` is the displayed order
 * after a header click: a permutation of row indices. A cell's text is
 * DuckDB's own text when the engine sent it (see $lib/query/display), else
 * the JS conversion; it never throws and is never `NaN`.
 */
export class ResultTable {
	readonly columns: ResultColumn[];
	readonly layout: ColumnLayout[];
	readonly numRows: number;
	order: Uint32Array | null = null;

	constructor(
		readonly table: Table,
		layout?: readonly ColumnLayout[]
	) {
		this.numRows = table.numRows;
		const fields = table.schema.fields;
		this.layout = layout
			? [...layout]
			: fields.map((f: Field, i) => ({
					name: f.name,
					type: duckTypeName(f.type),
					value: i,
					text: null
				}));
		this.columns = this.layout.map((l) => {
			const arrow = fields[l.value]!.type;
			return {
				name: l.name,
				type: l.type,
				arrow,
				numeric: isNumericType(l.type, arrow),
				convert: converterFor(arrow),
				vector: table.getChildAt(l.value),
				textVector: l.text === null ? null : table.getChildAt(l.text)
			};
		});
	}

	/** Index in the Arrow table of the row shown at position `r`. */
	rowAt(r: number): number {
		return this.order ? this.order[r]! : r;
	}

	/** The typed value shown at position `r` (numbers as numbers, see $lib/db/values); null when unreadable. */
	value(r: number, c: number): unknown {
		const col = this.columns[c]!;
		try {
			return col.convert(col.vector?.get(this.rowAt(r)) ?? null);
		} catch {
			return null;
		}
	}

	/** The text shown at position `r`: DuckDB's own when known. */
	text(r: number, c: number): string | null {
		const col = this.columns[c]!;
		const index = this.rowAt(r);
		if (col.textVector) return (col.textVector.get(index) as string | null) ?? null;
		if (col.vector && !col.vector.isValid(index)) return null;
		try {
			const text = cellText(col.convert(col.vector?.get(index) ?? null));
			return text === 'NaN' && col.arrow.typeId !== Type.Float ? unreadable : text;
		} catch {
			return unreadable;
		}
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

/** Shown (instead of throwing) for a value neither DuckDB's text nor JS could render. */
const unreadable = '(unreadable)';

const NUMERIC_TYPES =
	/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|BIGNUM|DECIMAL\(\d+,\s*\d+\))$/;

/** Numbers by DuckDB's type name (UHUGEINT travels as bytes), else by the Arrow type. */
export function isNumericType(duckType: string, arrow: DataType): boolean {
	return NUMERIC_TYPES.test(duckType) || isNumeric(arrow);
}

export function isNumeric(type: DataType): boolean {
	return [Type.Int, Type.Float, Type.Decimal].includes(type.typeId);
}
