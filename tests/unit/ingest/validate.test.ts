import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	buildKnown,
	checkCsvText,
	formatIssue,
	validateDataset,
	validateTable,
	type ParsedTable,
	type ValidationContext,
	type ValidationIssue
} from '../../../src/lib/ingest/validate';
import { INCIDENT_COLUMNS } from '../../../src/lib/schema/tables';
import { parseCsv, runValidation } from '../../../scripts/validate-data';

const REPORT_ID = '002_827349901dd84165';
const REPORT_TEXT =
	'تعرضت قواعد عسكرية   تابعة لقوات التحالف الدولي\nفي حقل العمر النفطي لهجوم صاروخي.';

const HEADER = INCIDENT_COLUMNS.map((c) => c.name);

/** A valid incident row; override cells by column name. */
function incident(over: Record<string, string> = {}): string[] {
	const base: Record<string, string> = {
		incident_id: 'DEZ-2022-0001',
		dataset: 'Raqib',
		event_date: '2022-08-24',
		time_precision: '1',
		date_note: '',
		event_type: 'Explosions/Remote violence',
		sub_event_type: 'Shelling/artillery/missile attack',
		actor1: 'Iran-backed militias',
		actor1_certainty: 'stated',
		assoc_actor_1: '',
		actor2: 'US-led coalition',
		target: 'Al-Omar oil field base',
		target_type: 'base',
		weapon: 'rocket',
		outcome: 'hit',
		place_id: 'al-omar-oil-field',
		fatalities: '0',
		injuries: '0',
		source_ids: REPORT_ID,
		evidence: 'قواعد عسكرية تابعة لقوات التحالف الدولي في حقل العمر',
		notes: 'Rocket attack on the Al-Omar base.'
	};
	const row = { ...base, ...over };
	return HEADER.map((h) => row[h] ?? '');
}

const companions: Record<'actors' | 'places' | 'targets' | 'reports', ParsedTable> = {
	actors: {
		header: ['actor', 'name_ar', 'side', 'acled_inter', 'description'],
		rows: [
			['US-led coalition', 'التحالف الدولي', 'coalition', '8', ''],
			['Iran-backed militias', 'الميليشيات الإيرانية', 'Iran-aligned', '3', ''],
			['IRGC', 'الحرس الثوري الإيراني', 'Iran-aligned', '8', ''],
			['Unknown', 'مجهول', 'unknown', '3', '']
		]
	},
	places: {
		header: [
			'place_id',
			'name_en',
			'name_ar',
			'latitude',
			'longitude',
			'geo_precision',
			'admin1',
			'admin2',
			'bank',
			'admin3',
			'country'
		],
		rows: [
			[
				'al-omar-oil-field',
				'Al-Omar oil field',
				'حقل العمر النفطي',
				'35.0700',
				'40.5500',
				'2',
				'Deir ez-Zor',
				'Al-Mayadin',
				'east',
				'',
				'Syria'
			]
		]
	},
	targets: {
		header: ['target', 'name_ar', 'target_type', 'place_id', 'operator'],
		rows: [
			['Al-Omar oil field base', 'قاعدة حقل العمر', 'base', 'al-omar-oil-field', 'US-led coalition']
		]
	},
	reports: {
		header: ['report_id', 'file', 'outlet', 'outlet_ar', 'published', 'date_confidence', 'notes'],
		rows: [[REPORT_ID, `${REPORT_ID}.txt`, 'SY24', '', '2022-08-25', 'medium', '']]
	}
};

const ctx: ValidationContext = {
	file: 'incidents.csv',
	known: buildKnown(companions),
	today: '2024-01-01',
	reportText: (id) => (id === REPORT_ID ? REPORT_TEXT : undefined)
};

const validate = (rows: string[][], header = HEADER) =>
	validateTable('incidents', header, rows, ctx);
const errors = (issues: ValidationIssue[]) => issues.filter((i) => i.severity === 'error');

/** The single error a one-row table with `over` produces, at line 2. */
function oneError(over: Record<string, string>): ValidationIssue {
	const errs = errors(validate([incident(over)]));
	expect(errs, JSON.stringify(errs)).toHaveLength(1);
	expect(errs[0]!.row).toBe(2);
	return errs[0]!;
}

describe('validateTable (incidents)', () => {
	it('passes a valid row', () => {
		expect(validate([incident()])).toEqual([]);
	});

	it.each([
		['a malformed date', { event_date: '24/08/2022', incident_id: 'DEZ-2022-0001' }, 'event_date'],
		['a future date', { event_date: '2025-03-01', incident_id: 'DEZ-2025-0001' }, 'event_date'],
		['30 February', { event_date: '2023-02-30', incident_id: 'DEZ-2023-0001' }, 'event_date'],
		['negative fatalities', { fatalities: '-2' }, 'fatalities'],
		['an unknown actor', { actor1: 'Martians' }, 'actor1'],
		['an unknown assoc actor', { assoc_actor_1: 'IRGC;Martians' }, 'assoc_actor_1'],
		['an unknown place', { place_id: 'atlantis' }, 'place_id'],
		['an unknown report', { source_ids: '999_x' }, 'source_ids'],
		['a word outside the vocabulary', { weapon: 'catapult' }, 'weapon'],
		['a sub-event type of another event type', { sub_event_type: 'Armed clash' }, 'sub_event_type'],
		['evidence not in the report', { evidence: 'نص غير موجود في التقرير' }, 'evidence'],
		['a target type that disagrees with targets.csv', { target_type: 'depot' }, 'target_type'],
		['an id whose year is not the event year', { incident_id: 'DEZ-2021-0001' }, 'incident_id'],
		['a malformed DEZ id', { incident_id: 'DEZ-22-1' }, 'incident_id'],
		['an id with spaces', { incident_id: 'SYR 123' }, 'incident_id'],
		['an attack without a target', { target: '', target_type: '' }, 'target'],
		['intercepted on a non-interception', { outcome: 'intercepted' }, 'outcome'],
		['Unknown actor with a stated attribution', { actor1: 'Unknown' }, 'actor1_certainty'],
		['week precision without a date note', { time_precision: '2' }, 'date_note'],
		['an event after the report was published', { event_date: '2022-08-26' }, 'event_date']
	])('flags %s', (_what, over, column) => {
		expect(oneError(over).column).toBe(column);
	});

	it.each(['SYR12345', 'SYN-7-00000001', 'newsroom:2024.17'])(
		'accepts a foreign id such as %s',
		(id) => {
			expect(errors(validate([incident({ incident_id: id })]))).toEqual([]);
		}
	);

	it('accepts evidence that differs from the report only in whitespace', () => {
		const row = incident({ evidence: 'قواعد عسكرية\tتابعة لقوات التحالف الدولي  في حقل العمر' });
		expect(errors(validate([row]))).toEqual([]);
	});

	it('skips the evidence check when the report text is unavailable', () => {
		const issues = validateTable('incidents', HEADER, [incident({ evidence: 'غير موجود' })], {
			...ctx,
			reportText: () => undefined
		});
		expect(errors(issues)).toEqual([]);
	});

	it('flags a duplicate id on the second row', () => {
		const errs = errors(validate([incident(), incident()]));
		expect(errs).toHaveLength(1);
		expect(errs[0]).toMatchObject({ row: 3, column: 'incident_id', value: 'DEZ-2022-0001' });
	});

	it('flags a missing required column in the header', () => {
		const header = HEADER.filter((h) => h !== 'outcome');
		const row = incident();
		row.splice(HEADER.indexOf('outcome'), 1);
		const errs = errors(validate([row], header));
		expect(errs.some((e) => e.row === 1 && e.column === 'outcome')).toBe(true);
	});

	it('flags a duplicate header name', () => {
		const header = [...HEADER, 'notes'];
		const errs = errors(validate([[...incident(), 'x']], header));
		expect(errs).toContainEqual(expect.objectContaining({ row: 1, column: 'notes' }));
	});

	it('warns about an unknown column but does not fail', () => {
		const issues = validate([[...incident(), 'x']], [...HEADER, 'extra']);
		expect(errors(issues)).toEqual([]);
		expect(issues).toContainEqual(
			expect.objectContaining({ row: 1, column: 'extra', severity: 'warning' })
		);
	});

	it('flags a row with the wrong number of cells', () => {
		const errs = errors(validate([incident().slice(0, 5)]));
		expect(errs[0]).toMatchObject({ row: 2, column: '' });
	});

	it('requires Disrupted weapons use to be intercepted, and allows empty target for non-attacks', () => {
		const dwu = { event_type: 'Strategic developments', sub_event_type: 'Disrupted weapons use' };
		expect(oneError({ ...dwu }).column).toBe('outcome');
		expect(validate([incident({ ...dwu, outcome: 'intercepted' })])).toEqual([]);
		const move = {
			...dwu,
			sub_event_type: 'Change to group/activity',
			target: '',
			target_type: '',
			weapon: '',
			outcome: 'unknown',
			actor2: ''
		};
		expect(validate([incident(move)])).toEqual([]);
	});
});

describe('validateTable (companion tables)', () => {
	it('passes the fixture tables', () => {
		const issues = validateDataset(
			Object.fromEntries(
				Object.entries(companions).map(([k, t]) => [k, { ...t, file: `${k}.csv` }])
			),
			{ today: '2024-01-01' }
		);
		expect(issues).toEqual([]);
	});

	it('flags bad vocabulary, ranges and references', () => {
		const actors = validateTable(
			'actors',
			companions.actors.header,
			[['X', '', 'rebels', '9', '']],
			{ file: 'actors.csv' }
		);
		expect(
			errors(actors)
				.map((e) => e.column)
				.sort()
		).toEqual(['acled_inter', 'side']);
		const places = validateTable(
			'places',
			companions.places.header,
			[['Bad Slug', 'x', 'x', '95', '40', '4', 'Deir ez-Zor', '', 'north', '', 'Syria']],
			{ file: 'places.csv' }
		);
		expect(
			errors(places)
				.map((e) => e.column)
				.sort()
		).toEqual(['bank', 'geo_precision', 'latitude', 'place_id']);
		const targets = validateTable(
			'targets',
			companions.targets.header,
			[['T', '', 'base', 'nowhere', 'Nobody']],
			{ file: 'targets.csv', known: buildKnown(companions) }
		);
		expect(
			errors(targets)
				.map((e) => e.column)
				.sort()
		).toEqual(['operator', 'place_id']);
	});
});

describe('formatIssue and checkCsvText', () => {
	it('prints file:row column "value": problem', () => {
		const issue = oneError({ fatalities: '-2' });
		expect(formatIssue(issue)).toBe('incidents.csv:2 fatalities "-2": must be ≥ 0');
	});

	it('flags BOM and CRLF', () => {
		const issues = checkCsvText('x.csv', '\uFEFFa,b\r\n1,2\r\n');
		expect(issues.map((i) => i.code)).toEqual(['bom', 'cr-endings']);
		expect(issues.map(formatIssue).join(' ')).toMatch(/byte-order mark.*CR line endings/);
	});
});

describe('shipped data', () => {
	it('validates with zero errors (evidence checked when ../shared/seeds exists)', () => {
		const { issues } = runValidation();
		expect(errors(issues).map(formatIssue)).toEqual([]);
	});

	it('holds the August 2022 Conoco rocket attack once, citing reports 002 and 001', () => {
		const { header, rows } = parseCsv(readFileSync('data/incidents.csv', 'utf8'));
		const col = (name: string) => header.indexOf(name);
		const conoco = rows.filter(
			(r) =>
				r[col('place_id')] === 'conoco-gas-field' &&
				r[col('event_date')]!.startsWith('2022-08') &&
				r[col('event_type')] === 'Explosions/Remote violence'
		);
		expect(conoco).toHaveLength(1);
		expect(conoco[0]![col('source_ids')]).toBe('002_827349901dd84165;001_e355a35d0393e09d');
		expect(conoco[0]![col('event_date')]).toBe('2022-08-24');
	});

	it('skips the evidence check with a note when the seeds folder is absent', () => {
		const root = join(mkdtempSync(join(tmpdir(), 'raqib-')), 'repo');
		mkdirSync(join(root, 'data'), { recursive: true });
		for (const t of ['incidents', 'places', 'actors', 'targets', 'reports'])
			writeFileSync(join(root, 'data', `${t}.csv`), readFileSync(`data/${t}.csv`));
		const { issues, notes } = runValidation(root);
		expect(notes.join(' ')).toMatch(/not found/);
		expect(errors(issues)).toEqual([]);
	});
});
