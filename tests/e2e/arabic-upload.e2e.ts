import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { appPerTest, waitForEngine } from './browser';
import { latinText } from './latin';

/**
 * An upload's problems on the Arabic data page: in Arabic, naming row and column, in the reader's
 * digits; the downloaded list keeps the machine code beside the Arabic text.
 */

const apps = appPerTest();

const shipped = Papa.parse<string[]>(readFileSync('data/incidents.csv', 'utf8').trimEnd()).data;
const HEADER = shipped[0]!;
const csv = (rows: string[][]) => Papa.unparse(rows, { newline: '\n' }) + '\n';
/** Arabic-Indic digits of a number, as the Arabic pages write it by default. */
const arabicDigits = (n: number) => n.toLocaleString('ar-SY-u-nu-arab', { useGrouping: false });

describe('upload problems on /ar/data/', () => {
	it('are in Arabic, naming row and column, and the download keeps the codes', async () => {
		const app = await apps.open({ width: 1440 });
		const page = app.page;
		await page.goto(app.base + '/ar/data/');
		await waitForEngine(page);
		const bad = [...shipped[1]!];
		bad[0] = bad[0]!.replace(/-\d{4}$/, '-9901');
		bad[HEADER.indexOf('event_id_cnty')] = bad[0];
		bad[HEADER.indexOf('event_date')] = '2018-02-31';
		const ragged = shipped[2]!.slice(0, 5);
		await page.getByLabel('رفع ملف CSV').setInputFiles({
			name: 'مشكلات.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(csv([HEADER, bad, ragged]))
		});
		const card = page.getByRole('article', { name: 'مشكلات.csv' });
		const rows = card.locator('[data-issues] tbody tr');
		await expect.poll(() => rows.count(), { timeout: 60_000 }).toBeGreaterThan(1);
		const cells = await rows.evaluateAll((trs) =>
			trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()))
		);
		expect(cells).toContainEqual([
			arabicDigits(2),
			'event_date',
			'2018-02-31',
			'ليس تاريخًا موجودًا في التقويم'
		]);
		expect(cells).toContainEqual([
			arabicDigits(3),
			'',
			'',
			`عدد خلاياه ${arabicDigits(5)}، وعدد أعمدة الترويسة ${arabicDigits(HEADER.length)}`
		]);
		// Nothing in the list is English but the file's own values and column names.
		expect(await latinText(card.locator('[data-issues]'))).toEqual([]);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			card.getByRole('button', { name: 'تنزيل المشكلات بصيغة CSV' }).click()
		]);
		const list = Papa.parse<string[]>(
			readFileSync((await download.path())!, 'utf8').trimEnd()
		).data;
		expect(list[0]).toEqual(['file', 'row', 'column', 'value', 'code', 'problem', 'severity']);
		expect(list).toContainEqual([
			'مشكلات.csv',
			'2',
			'event_date',
			'2018-02-31',
			'not-real-date',
			'ليس تاريخًا موجودًا في التقويم',
			'error'
		]);
	});
});
