import { t } from '$lib/i18n';
import type { ParseFailure } from '$lib/ingest/types';

/** A parse failure in words: file, row and column where they apply. */
export function failureText(f: ParseFailure): string {
	const [encoding, offset] = (f.detail ?? '').split('@');
	return t(`data.fail.${f.code}`, {
		file: f.file,
		row: f.row ?? '',
		column: f.column ?? '',
		detail: f.detail ?? '',
		encoding: encoding ?? '',
		offset: offset ?? ''
	});
}
