import { describe, expect, it } from 'vitest';
import { rememberShipped, uploadedIncidents } from '../../../src/lib/query/dataset';
import { shippedConnector } from '../support/node-connector';

describe('uploaded incidents count', () => {
	it('counts incidents added and shipped ones changed since the shipped data was loaded', async () => {
		const conn = await shippedConnector();
		await conn.exec(rememberShipped());
		const count = async () =>
			(await conn.query<{ uploaded: number }>(uploadedIncidents()))[0]!.uploaded;
		expect(await count()).toBe(0);

		const [first] = await conn.query<{ id: string }>(
			'SELECT incident_id AS id FROM incidents ORDER BY 1 LIMIT 1'
		);
		// One new row (a copy under a new id), one changed note, one row rewritten unchanged.
		await conn.exec(
			`INSERT INTO incidents SELECT * REPLACE ('NEW-1' AS incident_id) FROM incidents WHERE incident_id = '${first!.id}'`
		);
		await conn.exec(`UPDATE incidents SET notes = notes || '.' WHERE incident_id = '${first!.id}'`);
		await conn.exec(
			`UPDATE incidents SET fatalities = fatalities WHERE incident_id <> '${first!.id}' AND incident_id <> 'NEW-1'`
		);
		expect(await count()).toBe(2);
		// A NULL written into a shipped row counts as a change too.
		await conn.exec(
			`UPDATE incidents SET notes = NULL WHERE incident_id = (SELECT min(incident_id) FROM incidents WHERE incident_id > '${first!.id}' AND incident_id <> 'NEW-1' AND notes IS NOT NULL)`
		);
		expect(await count()).toBe(3);
	});
});
