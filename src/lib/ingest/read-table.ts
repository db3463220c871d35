import Papa from 'papaparse';
import { TABLE_COLUMNS, type TableName } from '$lib/schema/tables';
import { normalise } from './headers';
import { References } from './references';
import { ActorMatches } from './actor-matches';
import { IncidentImport } from './incident-import';
import type { Placed } from './monadic';
import { Output } from './output';
import { Failure, type Batch, type Validate } from './batch';
import { isMarked, restore } from '$lib/csv/spreadsheet-safe';
import type { KnownKeys } from './context';
import {
	type Inspection,
	type Issue,
	type Known,
	type ParseOptions,
	type Progress,
	type ReadResult
} from './types';

/**
 * Thrown when a file read as passthrough (its bytes loaded as they are) turns
 * out to hold spreadsheet-safe marks to take off: the caller reads it again
 * with `rewrite`, writing the rows out.
 */
export class RewriteNeeded extends Error {
	constructor() {
		super('rewrite needed');
	}
}

export async function readTable(
	file: File,
	inspection: Inspection,
	body: Batch,
	stream: AsyncGenerator<Batch>,
	ctx: {
		options: ParseOptions;
		validate: Validate;
		onProgress: (p: Progress) => void;
		/** Write the clean copy even when the original would do (see ./scan.ts). */
		rewrite: boolean;
	}
): Promise<ReadResult> {
	const kind = inspection.kind as TableName;
	const columns = TABLE_COLUMNS[kind].map((c) => c.name);
	const mapping = inspection.mapping!;
	const source = columns.map((c) => mapping.indexOf(c));
	const width = inspection.header.length;
	// Columns already in table order: rows are used as parsed, not copied.
	const identity = width === columns.length && source.every((s, i) => s === i);
	// The original bytes can be loaded as they are (with their own delimiter and line ending,
	// given to DuckDB explicitly) when they already are UTF-8 CSV with our header.
	const passthrough =
		!ctx.rewrite &&
		inspection.encoding === 'utf-8' &&
		width === columns.length &&
		inspection.header.every((h, i) => h === columns[i]);
	const out = new Output(file.name, columns, inspection.header, !!ctx.options.skipInvalid);
	const incidents =
		kind === 'incidents'
			? new IncidentImport(file.name, inspection.header, columns, ctx.options, out.note, out.reject)
			: null;
	const acled = incidents?.origin === 'acled';
	// Place names become ids only in a column that is not literally place_id (an ACLED `location`).
	const placeFrom = inspection.header[mapping.indexOf('place_id')];
	// No place_id column but a `location` (and no ACLED coordinates to make places of): found by that name.
	const fromLocation =
		kind === 'incidents' && !acled && placeFrom === undefined ? columns.indexOf('location') : -1;
	const placeAt = columns.indexOf('place_id');
	const byName =
		fromLocation >= 0 || (placeFrom !== undefined && normalise(placeFrom) !== 'place_id');
	const actorMatches = acled
		? new ActorMatches(ctx.options.known?.actors ?? [], ctx.options.rejectActors)
		: null;
	const refs = new References(kind, ctx.options.known, byName, acled, actorMatches);
	const known = knownKeys(ctx.options.known);
	const keys = new Map<string, number>();
	const dateAt = columns.indexOf('event_date');
	// File columns with no place in the table that the user chose to keep: they go, with the
	// row's key, into a side table (`incidents_extra`, …) for SQL; the codebook table stays as it is.
	const kept = inspection.header
		.map((h, i) => (mapping[i] === null && ctx.options.keep?.includes(normalise(h)) ? i : -1))
		.filter((i) => i >= 0);
	const extraParts: string[] = [
		Papa.unparse([[columns[0]!, ...kept.map((i) => inspection.header[i]!)]]) + '\n'
	];
	// Cells whose spreadsheet-safe `'` came off ($lib/csv/spreadsheet-safe), and the first of them.
	let unmarked = 0;
	let firstUnmarked = null as Issue | null;

	/** Validate the complete rows of one batch and write the valid (or, unless skipping, all) of them. */
	const emit = (placed: Placed[]) => {
		if (placed.length === 0) return;
		const rows = placed.map((p) => p.record);
		const lines = placed.map((p) => p.row);
		const found = ctx.validate(kind, columns, rows, {
			file: file.name,
			known,
			today: ctx.options.today,
			lines,
			origin: incidents?.origin
		});
		for (const issue of found) out.note(issue);
		duplicateKeys(rows, lines, keys, columns[0]!, file.name, out.note);
		const valid = out.keep(placed);
		if (extraOf.size) {
			const extra = valid.map((p) => extraOf.get(p.row)!);
			for (const p of placed) extraOf.delete(p.row);
			if (extra.length) extraParts.push(Papa.unparse(extra, { newline: '\n' }) + '\n');
		}
		out.write(valid, !passthrough);
	};
	const extraOf = new Map<number, string[]>();

	const take = ({ rows, first, bytesRead, truncated }: Batch) => {
		const complete: Placed[] = [];
		rows.forEach((raw, i) => {
			if (raw.length === 0) return;
			const row = first + i;
			out.remember(row, raw);
			if (row === truncated) return out.cutShort(row, raw.length, width, true);
			// A ragged row is reported as such; its cells would only add noise below.
			if (raw.length !== width) return out.cutShort(row, raw.length, width, false);
			raw.forEach((cell, j) => {
				if (!isMarked(cell)) return;
				if (passthrough) throw new RewriteNeeded();
				raw[j] = restore(cell);
				unmarked++;
				firstUnmarked ??= {
					file: file.name,
					row,
					column: inspection.header[j]!,
					value: cell,
					code: 'unmarked',
					params: {},
					severity: 'warning'
				};
			});
			const record = identity ? raw : source.map((s) => (s < 0 ? '' : (raw[s] ?? '')));
			if (incidents) {
				const written = dateAt >= 0 ? record[dateAt] : '';
				if (!passthrough) incidents.prepare(record, row);
				else if (incidents.dates.read(written!, row) !== written) throw new RewriteNeeded();
			}
			if (fromLocation >= 0 && record[placeAt] === '') record[placeAt] = record[fromLocation]!;
			refs.resolve(record, columns, row);
			if (kept.length) extraOf.set(row, [record[0]!, ...kept.map((k) => raw[k]!)]);
			complete.push(...(incidents ? incidents.order({ record, row }) : [{ record, row }]));
		});
		ctx.onProgress({ bytesRead, bytes: file.size, rows: out.rows + complete.length });
		// Folded events come out when their second row arrives: back in file order for the checks.
		emit(complete.sort((a, b) => a.row - b.row));
	};

	take(body);
	for await (const batch of stream) take(batch);
	if (incidents) emit(incidents.flush());
	if (out.rows === 0 && out.skippedRows === 0)
		throw new Failure({ file: file.name, code: 'no-rows' });
	if (firstUnmarked) out.note(unmarkedNote(firstUnmarked, unmarked));
	return {
		...inspection,
		notes: incidents?.notes(out.rows) ?? [],
		rows: out.rows,
		columns,
		preview: out.preview,
		issues: out.issues,
		errors: out.errors,
		warnings: out.warnings,
		fileErrors: out.fileErrors,
		unknown: refs.unknown(),
		...(incidents ? { origin: incidents.origin } : {}),
		...(incidents?.layout ? { layout: incidents.layout } : {}),
		...(incidents?.question() ? { dateQuestion: incidents.question() } : {}),
		...(incidents?.found() ? { dateOrderFound: incidents.found() } : {}),
		placeMatches: incidents?.places?.matches() ?? [],
		actorMatches: actorMatches?.matches() ?? [],
		newPlaces: incidents?.places?.created() ?? [],
		skipped: out.skipped(),
		output: passthrough ? null : out.blob(),
		extra: kept.length
			? {
					columns: kept.map((i) => inspection.header[i]!),
					output: new Blob(extraParts, { type: 'text/csv' })
				}
			: null
	};
}

/** One warning for all cells whose spreadsheet-safe `'` came off, at the first of them. */
function unmarkedNote(first: Issue, count: number): Issue {
	const text = first.value.slice(1);
	return count > 1
		? { ...first, code: 'unmarked-more', params: { text, more: count - 1 } }
		: { ...first, code: 'unmarked', params: { text } };
}

/**
 * What the validator checks references against. Actors, targets and places
 * are left out: References lists unknown ones so the user can add them as new
 * entries, which the validator would call errors.
 */
function knownKeys(known?: Known): KnownKeys | undefined {
	if (!known) return undefined;
	return {
		reports: new Set(known.reports),
		targetTypes: new Map(known.targetTypes),
		reportMeta: new Map(
			known.reportMeta.map(([id, published, dateConfidence]) => [id, { published, dateConfidence }])
		)
	};
}

/**
 * Ids repeated in different chunks (the validator sees one chunk at a time and
 * reports repeats within it itself, so only repeats across chunks are added here).
 */
function duplicateKeys(
	rows: string[][],
	lines: number[],
	seen: Map<string, number>,
	key: string,
	file: string,
	note: (i: Issue) => void
): void {
	const chunkStart = lines[0]!;
	rows.forEach((r, i) => {
		const id = r[0]!;
		if (!id) return;
		const before = seen.get(id);
		// A first occurrence in this same chunk is the validator's to report.
		if (before !== undefined && before < chunkStart)
			note({
				file,
				row: lines[i]!,
				column: key,
				value: id,
				code: 'duplicate-id',
				params: { first: before },
				severity: 'error'
			});
		if (before === undefined) seen.set(id, lines[i]!);
	});
}
