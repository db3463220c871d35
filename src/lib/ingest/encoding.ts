/**
 * Which text encoding a CSV file is in, from its first bytes. Spreadsheet
 * exports in this field come as UTF-8 (with or without a byte-order mark),
 * UTF-16 with a BOM ("Unicode text" in Excel), or Windows-1256 (Arabic Excel
 * "ANSI" / "CSV" exports). DuckDB reads UTF-8 only, so everything else is
 * converted before it gets there.
 */

export const ENCODINGS = [
	'utf-8',
	'utf-16le',
	'utf-16be',
	'windows-1256',
	'iso-8859-6',
	'windows-1252'
] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface EncodingGuess {
	encoding: Encoding;
	/** Length of the byte-order mark at the start of the file (0 when there is none). */
	bom: number;
}

/** The kind of file that is certainly not a CSV, or null. */
export type NotText = 'empty' | 'binary';

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
	prefix.every((b, i) => bytes[i] === b);

/** Byte-order mark first, then strict UTF-8, else Windows-1256 (the usual Arabic legacy encoding). */
export function detectEncoding(sample: Uint8Array): EncodingGuess {
	if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: 3 };
	if (startsWith(sample, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: 2 };
	if (startsWith(sample, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: 2 };
	return { encoding: isUtf8(sample) ? 'utf-8' : 'windows-1256', bom: 0 };
}

/** The length of the byte-order mark `encoding` would have at the start of `sample`. */
export function bomLength(sample: Uint8Array, encoding: Encoding): number {
	const guess = detectEncoding(sample);
	return guess.encoding === encoding ? guess.bom : 0;
}

/**
 * True when the bytes are valid UTF-8. The sample may end in the middle of a
 * multi-byte character (it is a slice of a larger file): streaming mode keeps
 * that tail pending instead of calling it invalid.
 */
export function isUtf8(sample: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
		return true;
	} catch {
		return false;
	}
}

const SIGNATURES: readonly (readonly number[])[] = [
	[0x89, 0x50, 0x4e, 0x47], // PNG
	[0xff, 0xd8, 0xff], // JPEG
	[0x25, 0x50, 0x44, 0x46], // PDF
	[0x50, 0x4b, 0x03, 0x04], // ZIP, and so .xlsx / .docx
	[0xd0, 0xcf, 0x11, 0xe0], // OLE2, and so .xls
	[0x1f, 0x8b] // gzip
];

/**
 * Whether the first bytes show a file that is not text at all: empty, a known
 * binary signature, a NUL byte outside UTF-16, or more than 1% other
 * control characters (a stray DOS end-of-file byte is tolerated).
 */
export function notText(sample: Uint8Array, encoding: Encoding): NotText | null {
	if (sample.length === 0) return 'empty';
	if (SIGNATURES.some((s) => startsWith(sample, s))) return 'binary';
	if (encoding.startsWith('utf-16')) return null;
	let control = 0;
	for (const b of sample) {
		if (b === 0) return 'binary';
		if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
	}
	return control > sample.length / 100 ? 'binary' : null;
}
