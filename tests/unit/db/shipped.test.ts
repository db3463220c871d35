import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { datasetSummary } from '../../../src/lib/query/dataset';
import { shippedConnector } from '../support/node-connector';

const csvRows = (file: string) =>
	Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
		header: true,
		skipEmptyLines: true
	}).data;

describe('shipped tables', () => {
	it('load with the codebook types and agree with the CSV files', async () => {
		const conn = await shippedConnector();
		const incidents = csvRows('data/incidents.csv');
		const [summary] = await conn.query(datasetSummary());
		const dates = incidents.map((r) => r.event_date!).sort();
		expect(summary).toEqual({
			incidents: incidents.length,
			reports: csvRows('data/reports.csv').length,
			first: dates[0],
			last: dates.at(-1)
		});
		const types = await conn.query<{ column_name: string; data_type: string }>(
			`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'incidents' AND column_name IN ('event_date', 'fatalities')`
		);
		expect(Object.fromEntries(types.map((t) => [t.column_name, t.data_type]))).toEqual({
			event_date: 'DATE',
			fatalities: 'INTEGER'
		});
	});
});
