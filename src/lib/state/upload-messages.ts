/** Helpers of the upload page's state: engine refusals in words, problem lists, remembered mappings, names. */
import { problemsCsv } from '$lib/export/problems';
import { formatNumber, t } from '$lib/i18n';
import { spreadsheetRow } from '$lib/ingest/rows';
import type { TableName } from '$lib/schema/tables';
import type { ParseFailure, ParseSummary, UnknownRef } from '$lib/ingest/types';
import { tableNameFor } from '$lib/ingest/headers';
import { suggestSide } from '$lib/schema/acled';
import type * as Session from '$lib/db/upload-session';
import type { Change, NewEntries } from '$lib/db/upload-session';

const REMEMBERED = 'raqib.upload.mapping';

/** An engine refusal as the card shows it: a message key and its values. */
export interface EngineError {
	key: 'count' | 'exact';
	detail: string;
	vars: Record<string, string | number>;
}

/** A row-count or exactness refusal from the engine, in words with spreadsheet rows. */
export function engineError(
	db: Pick<typeof Session, 'RowCountError' | 'ExactnessError'>,
	s: ParseSummary | null,
	error: unknown
): EngineError | null {
	if (error instanceof db.RowCountError)
		return { key: 'count', detail: '', vars: { parsed: error.parsed, stored: error.stored } };
	if (error instanceof db.ExactnessError && s)
		return {
			key: 'exact',
			detail: '',
			vars: { count: formatNumber(error.count), examples: describeChanges(s, error.changes) }
		};
	return null;
}

/** "row 24,502 code “0012” → 12; …", rows as in the file. */
export function describeChanges(s: ParseSummary, changes: Change[]): string {
	return changes
		.map((c) => {
			const row = formatNumber(spreadsheetRow(c.record, s.firstRow, s.blankRows));
			const vars = { row, column: c.column, value: c.value, stored: c.stored ?? '' };
			return t(c.stored === null ? 'data.value.unfit' : 'data.value.change', vars);
		})
		.join('; ');
}

/** The problems list as a CSV file, spreadsheet-safe (see $lib/export/problems). */
export function issuesCsv(summary: ParseSummary): Blob {
	return new Blob([problemsCsv(summary.issues)], { type: 'text/csv' });
}

type Remembered = Partial<Record<TableName, Record<string, string | null>>>;

export function readRemembered(): Remembered {
	try {
		return JSON.parse(localStorage.getItem(REMEMBERED) ?? '{}') as Remembered;
	} catch {
		return {};
	}
}

export function remember(table: TableName, column: string, target: string | null): void {
	const all = readRemembered();
	all[table] = { ...all[table], [column]: target };
	try {
		localStorage.setItem(REMEMBERED, JSON.stringify(all));
	} catch {
		// Storage full or disabled: the mapping still applies to this upload.
	}
}

/**
 * The companion entries an apply adds: unknown names accepted (with the side
 * chosen for each new actor of an ACLED import) and the places an import
 * makes from its file.
 */
export function entries(
	s: ParseSummary,
	accept: boolean,
	sides: Record<string, string>
): NewEntries {
	const unknown = accept ? s.unknown : [];
	const pick = (table: UnknownRef['table']) => unknown.filter((u) => u.table === table);
	return {
		actors: pick('actors').map((u) =>
			s.origin === 'acled'
				? { name: u.value, side: sides[u.value] ?? suggestSide(u.value, u.inter), inter: u.inter }
				: u.value
		),
		targets: pick('targets').map((u) => ({ name: u.value, type: u.type })),
		places: [
			...pick('places').map((u) => u.value),
			...s.newPlaces.map(({ row: _row, count: _count, ...place }) => place)
		]
	};
}

export function freeName(file: string, existing: string[]): string {
	const base = tableNameFor(file);
	let name = base;
	for (let i = 2; existing.includes(name); i++) name = `${base}_${i}`;
	return name;
}

export function isFailure(e: unknown): e is ParseFailure {
	return typeof e === 'object' && e !== null && 'code' in e && 'file' in e;
}

export function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}
