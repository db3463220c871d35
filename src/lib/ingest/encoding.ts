/**
 * Which text encoding a CSV file is in. Spreadsheet exports in this field
 * come as UTF-8 (with or without a byte-order mark), UTF-16 ("Unicode text"
 * in Excel, usually with a BOM), Windows-1256 (Arabic Excel "ANSI" / "CSV"
 * exports) or Windows-1252 (Latin ones). DuckDB reads UTF-8 only, so
 * everything else is converted before it gets there.
 *
 * No decision stands on the first bytes alone: UTF-8 is assumed until a byte
 * anywhere in the file proves otherwise, and then the legacy encoding is
 * chosen from the bytes that failed (see `legacyEncoding`, used by the pipeline).
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

/**
 * Byte-order mark first, then UTF-16 without one (NUL in every other byte of
 * ASCII text), then strict UTF-8, else the legacy encoding the non-ASCII
 * bytes point to. For a file's first bytes this is a first guess only.
 */
export function detectEncoding(sample: Uint8Array): EncodingGuess {
	if (startsWith(sample, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bom: 3 };
	if (startsWith(sample, [0xff, 0xfe])) return { encoding: 'utf-16le', bom: 2 };
	if (startsWith(sample, [0xfe, 0xff])) return { encoding: 'utf-16be', bom: 2 };
	const wide = utf16WithoutBom(sample);
	if (wide) return { encoding: wide, bom: 0 };
	return { encoding: isUtf8(sample) ? 'utf-8' : legacyEncoding(sample), bom: 0 };
}

/**
 * UTF-16 text without a BOM: in its first 4 KB, most even (BE) or odd (LE)
 * bytes are NUL and the others are not (ASCII letters, digits, commas).
 */
function utf16WithoutBom(sample: Uint8Array): Encoding | null {
	const n = Math.min(sample.length, 4096) & ~1;
	if (n < 8) return null;
	let evenNul = 0;
	let oddNul = 0;
	for (let i = 0; i < n; i += 2) {
		if (sample[i] === 0) evenNul++;
		if (sample[i + 1] === 0) oddNul++;
	}
	const pairs = n / 2;
	if (oddNul > pairs * 0.6 && evenNul < pairs * 0.1) return 'utf-16le';
	if (evenNul > pairs * 0.6 && oddNul < pairs * 0.1) return 'utf-16be';
	return null;
}

/** Bytes 0x80–0xFF that Windows-1256 decodes as Arabic letters (computed once from the decoder). */
let arabicBytes: Uint8Array | null = null;
function arabicTable(): Uint8Array {
	if (arabicBytes) return arabicBytes;
	const decoder = new TextDecoder('windows-1256');
	arabicBytes = new Uint8Array(256);
	for (let b = 0x80; b < 0x100; b++)
		arabicBytes[b] = /\p{Script=Arabic}/u.test(decoder.decode(new Uint8Array([b]))) ? 1 : 0;
	return arabicBytes;
}

/**
 * Windows-1256 or Windows-1252 for bytes that are not UTF-8: 1256 when at
 * least half of the non-ASCII bytes are Arabic letters in 1256 (Arabic
 * text), else 1252 (Latin text: é, ü, ç sit at the same bytes in both, but
 * É, Ö, ß and the like are Arabic letters in 1256 only). Ties go to 1256,
 * the usual legacy encoding of this field's reports.
 */
export function legacyEncoding(bytes: Uint8Array): Encoding {
	const table = arabicTable();
	let high = 0;
	let arabic = 0;
	for (const b of bytes) {
		if (b < 0x80) continue;
		high++;
		arabic += table[b]!;
	}
	return high === 0 || arabic * 2 >= high ? 'windows-1256' : 'windows-1252';
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
 * Whether the first bytes show a file that is not text at all: empty, or a
 * known binary signature (which only the start of a file can carry). A NUL
 * character anywhere else is found while the whole file is decoded (the
 * pipeline names its byte and row), so the answer is the same at byte 100
 * or at byte 80,000.
 */
export function notText(sample: Uint8Array): NotText | null {
	if (sample.length === 0) return 'empty';
	if (SIGNATURES.some((s) => startsWith(sample, s))) return 'binary';
	return null;
}

/** The offset of the first byte that is not valid UTF-8 in `bytes`, or -1 (a cut last character is valid). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
	const n = bytes.length;
	let i = 0;
	while (i < n) {
		const b = bytes[i]!;
		if (b < 0x80) {
			i++;
			continue;
		}
		const len =
			b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
		if (len === 0) return i;
		for (let k = 1; k < len; k++) {
			if (i + k >= n) return -1;
			const c = bytes[i + k]!;
			const lo = k === 1 && b === 0xe0 ? 0xa0 : k === 1 && b === 0xf0 ? 0x90 : 0x80;
			const hi = k === 1 && b === 0xed ? 0x9f : k === 1 && b === 0xf4 ? 0x8f : 0xbf;
			if (c < lo || c > hi) return i;
		}
		i += len;
	}
	return -1;
}
