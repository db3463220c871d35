import type { Encoding } from './encoding';

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
	for (let offset = start; offset < file.size; offset += chunkBytes) {
		const end = Math.min(offset + chunkBytes, file.size);
		const bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer());
		yield { text: decodeOrThrow(decoder, encoding, offset, bytes), bytesRead: end };
	}
	const tail = decodeOrThrow(decoder, encoding, file.size);
	if (tail) yield { text: tail, bytesRead: file.size };
}

function decodeOrThrow(
	decoder: TextDecoder,
	encoding: Encoding,
	offset: number,
	bytes?: Uint8Array
): string {
	try {
		return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
	} catch {
		throw new DecodeError(encoding, offset);
	}
}
