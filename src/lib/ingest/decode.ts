import { firstInvalidUtf8, type Encoding } from './encoding';

/** How much of the file is read and decoded at a time. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

export interface TextChunk {
	text: string;
	/** Bytes of the file read so far (for the progress bar). */
	bytesRead: number;
}

/** The file has bytes that are not valid in the chosen encoding. */
export class DecodeError extends Error {
	constructor(
		readonly encoding: Encoding,
		readonly byteOffset: number
	) {
		super(`not valid ${encoding} near byte ${byteOffset}`);
	}
}

/**
 * Decode a file slice by slice, never holding the whole text. One streaming
 * TextDecoder spans all slices, so a multi-byte character cut in two by a
 * slice boundary is joined, not turned into two replacement characters (the
 * pitfall of decoding each slice on its own, as FileReader.readAsText does).
 * UTF-8 is decoded strictly: invalid bytes are reported, not silently replaced.
 */
export async function* decodeChunks(
	file: Blob,
	encoding: Encoding,
	start = 0,
	chunkBytes = CHUNK_BYTES
): AsyncGenerator<TextChunk> {
	// The caller skips the byte-order mark itself (start), so a BOM-like sequence later is kept.
	const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
	let tail = new Uint8Array(0);
	for (let offset = start; offset < file.size; offset += chunkBytes) {
		const end = Math.min(offset + chunkBytes, file.size);
		const bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer());
		yield { text: decodeOrThrow(decoder, encoding, offset, bytes, tail), bytesRead: end };
		tail = bytes.subarray(Math.max(0, bytes.length - 3));
	}
	const rest = decodeOrThrow(decoder, encoding, file.size, undefined, tail);
	if (rest) yield { text: rest, bytesRead: file.size };
}

function decodeOrThrow(
	decoder: TextDecoder,
	encoding: Encoding,
	offset: number,
	bytes: Uint8Array | undefined,
	tail: Uint8Array
): string {
	try {
		return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
	} catch {
		throw new DecodeError(encoding, exactOffset(offset, bytes, tail));
	}
}

/**
 * The file offset of the first invalid UTF-8 byte: the chunk at `offset`,
 * with the previous chunk's last bytes in front (a character may start there).
 * At the end of the file (no chunk), the unfinished character's first byte.
 */
function exactOffset(offset: number, bytes: Uint8Array | undefined, tail: Uint8Array): number {
	let from = 0;
	while (from < tail.length && (tail[from]! & 0xc0) === 0x80) from++;
	const lead = tail.subarray(from);
	if (!bytes) {
		const i = lead.findLastIndex((b) => b >= 0xc0);
		return offset - lead.length + Math.max(i, 0);
	}
	const joined = new Uint8Array(lead.length + bytes.length);
	joined.set(lead);
	joined.set(bytes, lead.length);
	const at = firstInvalidUtf8(joined);
	return at < 0 ? offset : offset - lead.length + at;
}
