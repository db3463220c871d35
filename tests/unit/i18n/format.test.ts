import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';
import {
	formatDate,
	formatMonth,
	formatNumber,
	formatWeek,
	latinDigits,
	localDigits,
	preferredLocale,
	setDigits,
	t,
	vocab,
	named
} from '$lib/i18n';

const inArabic = () => overwriteGetLocale(() => 'ar');
afterEach(() => {
	overwriteGetLocale(() => 'en');
	setDigits('arab');
});

describe('Arabic plurals (Intl.PluralRules("ar"), six categories)', () => {
	it('writes 0, 1, 2, 3, 11 and 100 rows in their own forms, in Arabic-Indic digits', () => {
		inArabic();
		const rows = (n: number) => t('sql.rows', { rows: n });
		expect([0, 1, 2, 3, 11, 100].map(rows)).toEqual([
			'لا صفوف',
			'صف واحد',
			'صفّان',
			'٣ صفوف',
			'١١ صفًا',
			'١٠٠ صف'
		]);
		expect(rows(1234)).toBe('١٬٢٣٤ صفًا'); // 34: 'many'
	});

	it('leaves the English unchanged', () => {
		expect(t('sql.rows', { rows: 3 })).toBe('3 rows');
		expect(t('sql.rows', { rows: 1234 })).toBe('1,234 rows');
	});
});

describe('dates', () => {
	it('uses the Levantine month names and writes weeks as أسبوع <day> <month> <year>', () => {
		inArabic();
		expect(formatWeek('2022-08-22')).toBe('أسبوع ٢٢ آب ٢٠٢٢');
		expect(formatDate('2018-02-07')).toBe('٧ شباط ٢٠١٨');
		expect(formatMonth('2023-11-06')).toBe('تشرين الثاني ٢٠٢٣');
		expect(formatMonth('2021-01-04')).toBe('كانون الثاني ٢٠٢١');
		// A calendar day never shifts with the time zone.
		expect(formatDate('2023-12-31')).toBe('٣١ كانون الأول ٢٠٢٣');
	});

	it('keeps ISO dates on English pages', () => {
		expect(formatDate('2022-08-22')).toBe('2022-08-22');
		expect(formatWeek('2022-08-22')).toBe('2022-08-22');
		expect(formatMonth('2022-08-22')).toBe('Aug 2022');
	});
});

describe('digits setting', () => {
	it('writes every formatted number in the chosen digits on Arabic pages', () => {
		inArabic();
		expect(formatNumber(1234567)).toBe('١٬٢٣٤٬٥٦٧');
		setDigits('latn');
		expect(formatNumber(1234567)).toBe('1,234,567');
		expect(formatWeek('2022-08-22')).toBe('أسبوع 22 آب 2022');
		expect(t('sql.rows', { rows: 11 })).toBe('11 صفًا');
	});

	it('always writes Latin digits on English pages', () => {
		setDigits('arab');
		expect(formatNumber(1234567)).toBe('1,234,567');
	});
});

describe('data labels', () => {
	it('shows vocabulary values and names in Arabic, stored values unchanged in English', () => {
		inArabic();
		expect(vocab('weapon', 'drone')).toBe('مسيّرة');
		expect(vocab('side', 'Iran-aligned')).toBe('موالٍ لإيران');
		expect(vocab('weapon', 'trebuchet')).toBe('trebuchet');
		expect(named('US-led coalition', 'التحالف الدولي')).toBe('التحالف الدولي');
		expect(named('Hatla', null)).toBe('Hatla');
		// What the facts table writes where the data has nothing, whatever the column.
		expect(vocab('weapon', '(not coded)')).toBe('(غير مرمَّز)');
		expect(vocab('admin1', '(none)')).toBe('(لا يوجد)');
		expect(vocab('admin1', 'Deir ez-Zor')).toBe('دير الزور');
		expect(vocab('dataset', 'Raqib')).toBe('رقيب');
		overwriteGetLocale(() => 'en');
		expect(vocab('weapon', '(not coded)')).toBe('(not coded)');
		expect(vocab('weapon', 'drone')).toBe('drone');
		expect(named('US-led coalition', 'التحالف الدولي')).toBe('US-led coalition');
	});
});

describe('typed digits', () => {
	it('reads Arabic-Indic and Eastern Arabic-Indic digits as Latin ones, other text unchanged', () => {
		expect(latinDigits('٢٠٢٢-٠٨-٢٢')).toBe('2022-08-22');
		expect(latinDigits('۲۰۲۳-۱۱-۰۹')).toBe('2023-11-09');
		expect(latinDigits('2022-08-22')).toBe('2022-08-22');
		expect(latinDigits('آب ٩')).toBe('آب 9');
	});

	it("shapes DuckDB's own text in the reader's digits, changing nothing else", () => {
		expect(localDigits('2022-08-22')).toBe('2022-08-22');
		inArabic();
		expect(localDigits('2022-08-22')).toBe('٢٠٢٢-٠٨-٢٢');
		expect(localDigits('-1.50')).toBe('-١.٥٠');
		setDigits('latn');
		expect(localDigits('2022')).toBe('2022');
	});
});

describe('first visit', () => {
	it('follows a remembered choice, else the browser languages, else English', () => {
		expect(preferredLocale('en', ['ar-SY'])).toBe('en');
		expect(preferredLocale(null, ['ar-SY', 'en'])).toBe('ar');
		expect(preferredLocale(null, ['fr', 'en-GB', 'ar'])).toBe('en');
		expect(preferredLocale(null, ['fr'])).toBe('en');
	});
});
