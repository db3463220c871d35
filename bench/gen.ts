/**
 * `npm run gen -- --rows N --seed S --out file.csv [--data dir]`: write N
 * synthetic incidents (ids SYN-…, notes say SYNTHETIC) for tests and the
 * benchmark. Never put the output in data/: it is not real data.
 */
import { parseArgs } from 'node:util';
import { writeIncidentsCsv } from './lib/write-csv';

const { values } = parseArgs({
	options: {
		rows: { type: 'string', default: '10000' },
		seed: { type: 'string', default: '1' },
		out: { type: 'string' },
		data: { type: 'string', default: 'data' }
	}
});
const rows = Number(values.rows);
const seed = Number(values.seed);
if (!values.out || !Number.isSafeInteger(rows) || rows < 0 || !Number.isSafeInteger(seed)) {
	console.error('usage: npm run gen -- --rows N --seed S --out file.csv [--data data]');
	process.exit(2);
}
const result = await writeIncidentsCsv({ rows, seed, out: values.out, data: values.data });
const mb = result.bytes / 1e6;
console.log(
	`${values.out}: ${rows.toLocaleString('en')} synthetic incidents, ${mb.toFixed(1)} MB in ${result.seconds.toFixed(2)} s (${Math.round(rows / result.seconds).toLocaleString('en')} rows/s, ${(mb / result.seconds).toFixed(0)} MB/s)`
);
