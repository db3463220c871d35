import { formatNumber, t } from '$lib/i18n';
import type { ParseFailure } from '$lib/ingest/types';

/** A parse failure in words: file, row and column where they apply. */
export function failureText(f: ParseFailure): string {
	const [encoding, offset] = (f.detail ?? '').split('@');
	// A NUL found while decoding names its byte and row, wherever it sits in the file.
	if (f.code === 'binary' && f.row !== undefined)
		return t('data.fail.nul', { file: f.file, row: f.row, offset: formatNumber(Number(f.detail)) });
	return t(`data.fail.${f.code}`, {
		file: f.file,
		row: f.row ?? '',
		column: f.column ?? '',
		detail: f.detail ?? '',
		encoding: encoding ?? '',
		offset: offset ?? ''
	});
}
