import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { readCompanions, type Companions } from '../../../bench/lib/companions';
import { SUB_EVENTS } from '../../../bench/lib/profile';
import { Synth, SYNTHETIC_ID_PREFIX } from '../../../bench/lib/synth';
import { writeIncidentsCsv } from '../../../bench/lib/write-csv';
import { createFromCsv } from '../../../src/lib/db/ddl';
import { TABLE_COLUMNS } from '../../../src/lib/schema/tables';
import { NodeConnector } from '../support/node-connector';

const dir = mkdtempSync(join(tmpdir(), 'raqib-gen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Incident = Record<string, string>;
const parse = (text: string) => Papa.parse<Incident>(text, { header: true, skipEmptyLines: true });

function lines(seed: number, n: number, companions: Companions = readCompanions()): string[] {
	const synth = new Synth(seed, companions);
	return [synth.header, ...Array.from({ length: n }, () => synth.next())];
}

/** Many companion rows, so that skew shows (the shipped tables are small). */
const wide: Companions = {
	actors: Array.from({ length: 20 }, (_, i) => ({
		actor: `Actor ${i}`,
		name_ar: `فاعل ${i}`,
		side: i % 2 ? 'coalition' : 'Iran-aligned'
	})),
	targets: Array.from({ length: 40 }, (_, i) => ({
		target: `Target ${i}`,
		name_ar: `هدف ${i}`,
		target_type: 'base',
		place_id: `p${i % 10}`
	})),
	places: Array.from({ length: 10 }, (_, i) => ({ place_id: `p${i}`, name_ar: `مكان ${i}` })),
	reports: Array.from({ length: 5 }, (_, i) => ({ report_id: `r${i}` }))
};

function share(rows: Incident[], key: (r: Incident) => string) {
	const counts = new Map<string, number>();
	for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
	const sorted = [...counts.values()].sort((a, b) => b - a);
	return { top: sorted[0]! / rows.length, distinct: counts.size, sorted };
}

describe('synthetic incident generator', () => {
	it('gives the same rows for the same seed and different rows for another', () => {
		expect(lines(42, 500)).toEqual(lines(42, 500));
		expect(lines(43, 500).slice(1)).not.toEqual(lines(42, 500).slice(1));
	});

	it('writes rows that follow the incidents codebook and name only companion-table ids', () => {
		const companions = readCompanions();
		const { data, meta, errors } = parse(lines(5, 2000).join('\n'));
		expect(errors).toEqual([]);
		expect(meta.fields).toEqual(TABLE_COLUMNS.incidents.map((c) => c.name));
		const ids = {
			actor: new Set(companions.actors.map((a) => a.actor)),
			target: new Set(companions.targets.map((t) => t.target)),
			place: new Set(companions.places.map((p) => p.place_id)),
			report: new Set(companions.reports.map((r) => r.report_id))
		};
		const subEvents = new Set(SUB_EVENTS.map((s) => `${s.eventType}|${s.subEventType}`));
		for (const row of data) {
			for (const c of TABLE_COLUMNS.incidents.filter((c) => c.required))
				expect(row[c.name], c.name).not.toBe('');
			expect(row.incident_id!.startsWith(SYNTHETIC_ID_PREFIX)).toBe(true);
			expect(row.notes).toMatch(/^SYNTHETIC/);
			expect(row.evidence).toMatch(/\(اصطناعي\)$/);
			expect(row.event_date).toMatch(/^20(1[7-9]|2[0-4])-\d\d-\d\d$/);
			expect(subEvents.has(`${row.event_type}|${row.sub_event_type}`)).toBe(true);
			expect([
				'drone',
				'rocket',
				'airstrike',
				'helicopter',
				'artillery',
				'ground assault',
				'unknown'
			]).toContain(row.weapon);
			expect(['hit', 'intercepted', 'unknown']).toContain(row.outcome);
			expect(['stated', 'suspected', 'unknown']).toContain(row.actor1_certainty);
			expect(['1', '2', '3']).toContain(row.time_precision);
			expect(Number.isInteger(Number(row.fatalities)) && Number(row.fatalities) >= 0).toBe(true);
			expect(ids.actor.has(row.actor1!)).toBe(true);
			if (row.actor2) expect(ids.actor.has(row.actor2)).toBe(true);
			if (row.target) expect(ids.target.has(row.target)).toBe(true);
			expect(ids.place.has(row.place_id!)).toBe(true);
			for (const id of row.source_ids!.split(';')) expect(ids.report.has(id)).toBe(true);
		}
	});

	it('concentrates incidents on a few actors, targets and weeks', () => {
		const { data } = parse(lines(9, 20_000, wide).join('\n'));
		const actors = share(data, (r) => r.actor1!);
		expect(actors.distinct).toBe(20);
		// Zipf: the top actor alone takes more than four times a uniform share.
		expect(actors.top).toBeGreaterThan(4 / 20);
		const targets = share(
			data.filter((r) => r.target),
			(r) => r.target!
		);
		expect(targets.top).toBeGreaterThan(4 / 40);
		const weeks = share(data, (r) => {
			const d = new Date(`${r.event_date}T00:00:00Z`);
			return String(Math.floor((d.getTime() / 86_400_000 + 3) / 7));
		});
		// Eight years have ~417 weeks; the ten busiest hold far more than 10/417 of the rows.
		const topTen = weeks.sorted.slice(0, 10).reduce((a, b) => a + b, 0) / data.length;
		expect(topTen).toBeGreaterThan(0.25);
	});

	it('streams a file that native DuckDB loads with the codebook types', async () => {
		const out = join(dir, 'g.csv');
		const result = await writeIncidentsCsv({ rows: 3000, seed: 3, out });
		expect(result.bytes).toBe(statSync(out).size);
		expect(readFileSync(out, 'utf8').split('\n').length).toBe(3002); // header + rows + final newline
		const conn = await NodeConnector.open();
		await conn.exec(createFromCsv('incidents', out));
		const [row] = await conn.query<{ n: number; synthetic: number }>(
			`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE incident_id LIKE 'SYN-3-%')::INTEGER AS synthetic FROM incidents`
		);
		expect(row).toEqual({ n: 3000, synthetic: 3000 });
	});
});
