/**
 * Reading a saved-upload record back from IndexedDB without trusting it: the
 * record may be damaged (another program, a browser bug, a hand edit in the
 * developer tools) or written by another version of Raqib. A record that does
 * not have the shape ./store.ts writes is skipped and reported by its key,
 * never replayed and never thrown at the page.
 */
import type { SavedUpload } from './store';
import { isSnapshot } from './snapshot';

/** A stored record that was not read, and why (in words for the saved-uploads list). */
export interface SkippedRecord {
	/** The record's key in the store (its id), or null when even that is missing. */
	id: number | null;
	/** The file name, when the record still has one. */
	file: string | null;
	/** The first field found missing or wrong ('data', 'mode', …), or '' when the value is not a record at all. */
	field: string;
}

const MODES = new Set(['upsert', 'replace', 'create']);
const NEW_LINES = new Set(['\n', '\r\n', '\r']);

const isRecord = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] =>
	Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The first field of a record that is missing or wrong, or null when it has the saved-upload shape. */
function badField(r: Record<string, unknown>): string | null {
	const whole = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
	const checks: [string, () => boolean][] = [
		['id', () => whole(r.id)],
		['file', () => typeof r.file === 'string'],
		['time', () => typeof r.time === 'string' && !Number.isNaN(Date.parse(r.time))],
		['table', () => typeof r.table === 'string' && r.table !== ''],
		['mode', () => typeof r.mode === 'string' && MODES.has(r.mode)],
		['rows', () => whole(r.rows)],
		['data', () => r.data instanceof Blob],
		[
			'delimiter',
			() =>
				r.delimiter === undefined || (typeof r.delimiter === 'string' && r.delimiter.length === 1)
		],
		['newLine', () => r.newLine === undefined || NEW_LINES.has(r.newLine as string)],
		[
			'types',
			() =>
				r.mode !== 'create' ||
				(isRecord(r.types) && Object.values(r.types).every((t) => typeof t === 'string'))
		],
		[
			'entries',
			() =>
				r.entries === undefined ||
				(isRecord(r.entries) &&
					['actors', 'targets', 'places'].every((k) =>
						Array.isArray((r.entries as Record<string, unknown>)[k])
					))
		],
		[
			'extra',
			() =>
				r.extra === undefined ||
				(isRecord(r.extra) && r.extra.data instanceof Blob && isStringList(r.extra.columns))
		]
	];
	return checks.find(([, ok]) => !ok())?.[0] ?? null;
}

/**
 * Split what the store returned into records of the saved-upload shape
 * (sorted by id, the replay order) and the ones skipped, with the reason.
 */
export function checkRecords(values: readonly unknown[]): {
	uploads: SavedUpload[];
	skipped: SkippedRecord[];
} {
	const uploads: SavedUpload[] = [];
	const skipped: SkippedRecord[] = [];
	for (const value of values) {
		if (!isRecord(value)) {
			skipped.push({ id: null, file: null, field: '' });
			continue;
		}
		const field = badField(value);
		if (field === null) uploads.push(withoutBadSnapshot(value));
		else
			skipped.push({
				id: typeof value.id === 'number' ? value.id : null,
				file: typeof value.file === 'string' ? value.file : null,
				field
			});
	}
	uploads.sort((a, b) => a.id! - b.id!);
	return { uploads, skipped };
}

/** A snapshot that is not of the shape ./snapshot.ts writes is dropped: the upload replays from its CSV. */
function withoutBadSnapshot(value: Record<string, unknown>): SavedUpload {
	if (value.snapshot === undefined || isSnapshot(value.snapshot))
		return value as unknown as SavedUpload;
	const rest = { ...value };
	delete rest.snapshot;
	return rest as unknown as SavedUpload;
}
