import { DateDay, Float64, Int32, Int64, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { categoryScale } from '../../../src/lib/charts/series';
import { SIDE_COLORS, ACTOR_COLORS } from '../../../src/lib/charts/palette';
import { ResultTable } from '../../../src/lib/grid/result';
import {
	chartRows,
	chartSpec,
	drawnMark,
	isWholeNumber,
	xKind
} from '../../../src/routes/sql/chart-spec';

/** A result as the console holds it: Arrow columns plus DuckDB's type names. */
function result(
	columns: Record<string, [unknown[], 'VARCHAR' | 'INTEGER' | 'BIGINT' | 'DOUBLE' | 'DATE']>
) {
	const arrow = {
		VARCHAR: new Utf8(),
		INTEGER: new Int32(),
		BIGINT: new Int64(),
		DOUBLE: new Float64(),
		DATE: new DateDay()
	};
	const entries = Object.entries(columns);
	const table = new Table(
		Object.fromEntries(
			entries.map(([name, [values, type]]) => [name, vectorFromArray(values, arrow[type])])
		)
	);
	return new ResultTable(
		table,
		entries.map(([name, [, type]], i) => ({ name, type, value: i, text: null }))
	);
}

describe('the quick chart default', () => {
	it('never takes a year or an id as y: the measure after them is y', () => {
		const r = result({
			actor1: [['A', 'B'], 'VARCHAR'],
			year: [[2022, 2023], 'INTEGER'],
			event_id_no_cnty: [[7n, 9n], 'BIGINT'],
			attacks: [[5n, 3n], 'BIGINT']
		});
		expect(chartSpec(r)).toEqual({ x: 0, y: 3, series: null, mark: 'auto' });
	});

	it('puts a year on x when no date or text column exists, read in order', () => {
		const r = result({ year: [[2023, 2022], 'INTEGER'], n: [[4n, 6n], 'BIGINT'] });
		const spec = chartSpec(r)!;
		expect(spec).toMatchObject({ x: 0, y: 1 });
		expect(xKind(r, spec)).toBe('ordinal');
		expect(chartRows(r, spec).rows.map((d) => d.x)).toEqual([2023, 2022]);
	});

	it('asks for y when the only numbers are years and ids', () => {
		const r = result({
			actor1: [['A'], 'VARCHAR'],
			year: [[2022], 'INTEGER'],
			data_id: [[1], 'INTEGER']
		});
		expect(chartSpec(r)).toMatchObject({ x: 0, y: -1 });
	});

	it('has no chart without a number column', () => {
		expect(chartSpec(result({ actor1: [['A'], 'VARCHAR'] }))).toBeNull();
	});

	it('colours by the text column before y', () => {
		const r = result({
			week: [[19000, 19007], 'DATE'],
			side: [['coalition', 'unknown'], 'VARCHAR'],
			n: [[1, 2], 'DOUBLE']
		});
		const spec = chartSpec(r)!;
		expect(spec).toMatchObject({ x: 0, y: 2, series: 1 });
		expect(xKind(r, spec)).toBe('time');
	});
});

describe('chart rows', () => {
	it('leave out rows with no value to place and count them', () => {
		const r = result({ k: [['a', null, 'c'], 'VARCHAR'], v: [[1, 2, Infinity], 'DOUBLE'] });
		const { rows, left } = chartRows(r, { x: 0, y: 1, series: null, mark: 'auto' });
		expect(rows).toEqual([{ x: 'a', y: 1, s: null }]);
		expect(left).toBe(2);
	});
});

describe('marks and axes', () => {
	it('draws bars, and a line only for many dates or numbers unless picked', () => {
		const spec = { x: 0, y: 1, series: null, mark: 'auto' as const };
		expect(drawnMark(spec, 'time', 60)).toBe('bar');
		expect(drawnMark(spec, 'time', 61)).toBe('line');
		expect(drawnMark(spec, 'category', 500)).toBe('bar');
		expect(drawnMark({ ...spec, mark: 'dot' }, 'time', 5)).toBe('dot');
	});

	it('gives integer columns whole-number ticks only', () => {
		const r = result({ a: [[1], 'INTEGER'], b: [[1n], 'BIGINT'], c: [[1.5], 'DOUBLE'] });
		expect(r.columns.map(isWholeNumber)).toEqual([true, true, false]);
	});

	it('colours sides as the dashboard does, others by rank in the actor palette', () => {
		const sides = categoryScale(
			new Map([
				['unknown', 1],
				['coalition', 5]
			])
		);
		expect(sides.color.range).toEqual([SIDE_COLORS.coalition, SIDE_COLORS.unknown]);
		const many = new Map(Array.from({ length: 14 }, (_, i) => [`actor ${i}`, 100 - i]));
		const actors = categoryScale(many);
		expect(actors.color.domain[0]).toBe('actor 0');
		expect(actors.color.range.slice(0, 12)).toEqual(ACTOR_COLORS);
		expect(actors.color.range.slice(12)).toEqual(['#BBBBBB', '#BBBBBB']);
		expect(actors.greyed).toBe(2);
	});
});
