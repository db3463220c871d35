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
import { formatIssue, validateDataset } from '../../../src/lib/ingest/validate';
import type { TableName } from '../../../src/lib/schema/tables';
import { parseCsv } from '../../../scripts/validate-data';
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
	reports: Array.from({ length: 5 }, (_, i) => ({
		report_id: `r${i}`,
		published: `202${i}-06-01`,
		date_confidence: 'high'
	}))
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

	it("writes rows the app's validator accepts, naming only companion-table ids", () => {
		const text = lines(5, 3000).join('\n') + '\n';
		const companion = (t: TableName) => ({
			file: `data/${t}.csv`,
			...parseCsv(readFileSync(`data/${t}.csv`, 'utf8'))
		});
		const issues = validateDataset({
			incidents: { file: 'synthetic.csv', ...parseCsv(text) },
			actors: companion('actors'),
			targets: companion('targets'),
			places: companion('places'),
			reports: companion('reports')
		});
		const errors = issues.filter((i) => i.severity === 'error');
		expect(errors.map(formatIssue).slice(0, 5)).toEqual([]);
		const { data } = parse(text);
		for (const row of data) {
			expect(row.incident_id!.startsWith(SYNTHETIC_ID_PREFIX)).toBe(true);
			expect(row.notes).toMatch(/^SYNTHETIC/);
			expect(row.evidence).toMatch(/[\u0600-\u06FF]/);
			expect(row.evidence).toMatch(/\(اصطناعي\)$/);
		}
		const subEvents = new Set(data.map((r) => r.sub_event_type));
		// Every profiled sub-event type, plus "Other" for bases a state's forces set up (codebook).
		expect([...subEvents].sort()).toEqual(
			[...SUB_EVENTS.map((s) => s.subEventType), 'Other'].sort()
		);
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
