import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { acledExport } from '../../../src/lib/query/acled-export';
import { ACLED_2024_COLUMNS, ACLED_CLASSIC_COLUMNS } from '../../../src/lib/schema/acled';
import { shippedConnector, type NodeConnector } from '../support/node-connector';
import { csv } from './recount';

let conn: NodeConnector;
beforeAll(async () => {
	conn = await shippedConnector();
});

const shipped = csv('incidents');
const places = new Map(csv('places').map((p) => [p.place_id!, p]));
const actors = new Map(csv('actors').map((a) => [a.actor!, a]));

describe('ACLED export of the shipped rows', () => {
	it('writes exactly the classic 31 columns in order, filling what Raqib can derive', async () => {
		const rows = await conn.query<Record<string, unknown>>(
			acledExport({ layout: 'classic', dateStyle: 'iso', extensions: false })
		);
		expect(rows).toHaveLength(shipped.length);
		expect(Object.keys(rows[0]!)).toEqual([...ACLED_CLASSIC_COLUMNS]);
		const byId = new Map(rows.map((r) => [r.event_id_cnty, r]));
		for (const i of shipped) {
			const r = byId.get(i.incident_id)!;
			const p = places.get(i.place_id!)!;
			expect(r.event_date).toBe(i.event_date);
			expect(r.year).toBe(Number(i.event_date!.slice(0, 4)));
			expect(r.admin1).toBe(p.admin1);
			expect(r.latitude).toBe(p.latitude); // four decimals, as places.csv and ACLED write them
			expect(r.longitude).toBe(p.longitude);
			expect(r.location).toBe(p.name_en);
			expect(r.country).toBe('Syria');
			expect(r.iso).toBe(760);
			expect(r.iso3).toBe('SYR');
			expect(r.inter1).toBe(actors.get(i.actor1!)!.acled_inter);
			expect(r.inter2).toBe(i.actor2 ? actors.get(i.actor2)!.acled_inter : '0');
			// Left empty: nothing in Raqib's tables gives them.
			expect(r.data_id).toBeNull();
			expect(r.source_scale).toBeNull();
		}
	});

	it('writes the 2024 layout with inter text, ACLED dates and "; " between outlets', async () => {
		const rows = await conn.query<Record<string, unknown>>(
			acledExport({ layout: '2024', dateStyle: 'acled', extensions: true })
		);
		expect(Object.keys(rows[0]!).slice(0, 31)).toEqual([...ACLED_2024_COLUMNS]);
		expect(Object.keys(rows[0]!)).toContain('evidence');
		const conoco = rows.find((r) => r.event_id_cnty === 'DEZ-2022-0002')!;
		expect(conoco.event_date).toBe('24 August 2022');
		expect(conoco.source).toBe('SY24; Syrian Observatory for Human Rights (SOHR)');
		expect(conoco.inter1).toBe('Political militias');
		expect(conoco.inter2).toBe('External/Other forces');
		expect(conoco.disorder_type).toBe('Political violence');
		expect(Papa.unparse([conoco]).length).toBeGreaterThan(0);
	});
});
