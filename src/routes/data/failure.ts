import { formatNumber, type MessageKey, type MessageVars } from '$lib/i18n';
import type { ParseFailure } from '$lib/ingest/types';

/** A parse failure as a message (file, row and column where they apply), for Msg.svelte. */
export function failureMessage(f: ParseFailure): { key: MessageKey; vars: MessageVars } {
	const [encoding, offset] = (f.detail ?? '').split('@');
	// A NUL found while decoding names its byte and row, wherever it sits in the file.
	if (f.code === 'binary' && f.row !== undefined)
		return {
			key: 'data.fail.nul',
			vars: { file: f.file, row: f.row, offset: formatNumber(Number(f.detail)) }
		};
	return {
		key: `data.fail.${f.code}`,
		vars: {
			file: f.file,
			row: f.row ?? '',
			column: f.column ?? '',
			detail: f.detail ?? '',
			encoding: encoding ?? '',
			offset: offset ?? ''
		}
	};
}
