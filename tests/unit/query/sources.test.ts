import { beforeAll, describe, expect, it } from 'vitest';
import { buildFacts } from '../../../src/lib/query/facts';
import type { Filters } from '../../../src/lib/query/filters';
import { sourcesQuery, type SourceRow } from '../../../src/lib/query/sources';
import { shippedConnector, type NodeConnector } from '../support/node-connector';
import { csv, facts, matching } from './recount';

let conn: NodeConnector;
beforeAll(async () => {
	conn = await shippedConnector();
	await conn.exec(buildFacts());
});

const all = facts();
const reports = new Map(csv('reports').map((r) => [r.report_id!, r]));

describe('brief sources list', () => {
	it.each([
		{},
		{ all: true },
		{ actor: { values: ['US-led coalition'] } },
		{ place: { values: ["no'where"] } }
	] as Filters[])(
		'lists every report the filtered incidents cite, with outlet and date, for %o',
		async (f) => {
			const cites = new Map<string, number>();
			for (const x of matching(all, f))
				for (const id of new Set((x.row.source_ids ?? '').split(';').map((s) => s.trim())))
					if (id) cites.set(id, (cites.get(id) ?? 0) + 1);
			const expected: SourceRow[] = [...cites].map(([id, n]) => ({
				report_id: id,
				outlet: reports.get(id)?.outlet ?? null,
				outlet_ar: reports.get(id)?.outlet_ar || null,
				published: reports.get(id)?.published ?? null,
				n
			}));
			expected.sort(
				(a, b) =>
					(a.published ?? '9999').localeCompare(b.published ?? '9999') ||
					a.report_id.localeCompare(b.report_id)
			);
			expect(await conn.query<SourceRow>(sourcesQuery(f))).toEqual(expected);
		}
	);
});
