/**
 * # The upload pipeline
 *
 * A picked file goes through these steps; nothing changes in the tables
 * until the user presses Apply, and then only inside one transaction.
 *
 * 1. **Sniff** (worker, this file and ./scan.ts). Binary signatures are
 *    checked on the first bytes; everything else is decided on the whole
 *    stream or re-decided when later bytes contradict the first guess:
 *    - encoding: BOM, BOM-less UTF-16, else strict UTF-8 until a byte
 *      anywhere fails, and then the legacy encoding the failing bytes point
 *      to (Windows-1256 or -1252), read again from the start; an error
 *      names the byte offset;
 *    - a NUL character anywhere means "not a text file", with its byte and row;
 *    - line endings are made uniform outside quotes (./line-endings.ts);
 *      mixed endings, blank lines or Excel's `sep=` line mean DuckDB gets a
 *      clean rewritten copy, never the original bytes;
 *    - blank and whitespace-only lines are skipped (before the header too,
 *      with a note), still counted as spreadsheet rows;
 *    - the kind of table is detected from the header's key columns, and the
 *      card says which columns decided it.
 * 2. **Parse and check** (worker). PapaParse's core splits records in the
 *    explicit dialect; codebook tables are mapped and validated row by row;
 *    any other CSV is checked for its shape. Problems carry file, spreadsheet
 *    row, column, value and text.
 * 3. **Stage** (../db). DuckDB reads `output ?? file` with the explicit
 *    dialect in `load` (delimiter, quote and escape `"`, new_line, header,
 *    skip 0, no comment character, UTF-8) — nothing is left to its sniffer —
 *    into a staging table. The staged row count must equal the parsed one,
 *    and a post-cast check proves no value changed (../db/exact.ts).
 * 4. **Review**: the diff with the live table; a no-op is not saved.
 * 5. **Apply**: swap in and save the upload for replay, in one transaction.
 *
 * ## At DuckDB's speed (issue 13; built so far: the rule set, both ways)
 *
 * The validation rules are declared once (./rules.ts, ./rules-incidents.ts)
 * and compiled to JavaScript and to one SQL query over a text staging table
 * (./rules-compile.ts); a unit test requires identical findings. The rest is
 * the plan, not yet built:
 * - bulk path: a UTF-8 file (BOM stripped) goes straight to `stageText`
 *   (../db/csv-read.ts: all-VARCHAR, explicit dialect, record numbers);
 *   PapaParse only sniffs the dialect on the first megabytes and checks the
 *   structure; `rulesSql` validates, and record numbers become spreadsheet
 *   rows through the blank-row list (./rows.ts; a quoted newline is no row);
 * - non-UTF-8 files are transcoded to UTF-8 in the worker, streamed;
 * - errors at scale: totals per rule and column by SQL GROUP BY, the first
 *   problems on screen, the full list as a CSV written by DuckDB's COPY;
 *
 * ## Parquet and Arrow files (./columnar/)
 *
 * A file whose first bytes are `PAR1` (Parquet) or `ARROW1` / an IPC stream
 * marker (Arrow, Feather v2) is read by hyparquet (+ hyparquet-compressors)
 * or apache-arrow in this worker, never by DuckDB's parquet extension. Its
 * columns are the header; each typed value becomes the text DuckDB prints for
 * it (./columnar/format.ts), so the same mapping, validation, staging,
 * exactness check and apply run unchanged, and a codebook column gets the
 * value the file holds. Any other table keeps the file's column types.
 * Problems are numbered by record (row 1 = first row of data). A file named
 * .parquet/.arrow without the signature, or one that cannot be decoded, is a
 * `columnar` failure: a message, and nothing staged.
 */
import { DecodeError } from './decode';
import { CHUNK_BYTES } from './decode';
import { CsvError } from './csv-stream';
import { bomLength, detectEncoding, legacyEncoding, notText, type Encoding } from './encoding';
import { Failure, type Validate } from './batch';
import { scan } from './scan';
import { claimedFormat, columnarFormat, scanColumnar } from './columnar/scan';
import { RewriteNeeded } from './read-table';
import type { ParseFailure, ParseOptions, ParseSummary, Progress } from './types';

export { Failure, type Validate } from './batch';

/** How many bytes from the first bad one decide the legacy encoding. */
const LEGACY_SAMPLE = 1024 * 1024;

/**
 * Read one uploaded file (steps 1–2 above). Throws Failure (code, row,
 * column, detail) for a file that cannot be read at all; returns the summary
 * with every problem counted and the first MAX_ISSUES listed.
 */
export async function parseFile(
	file: File,
	options: ParseOptions,
	validate: Validate,
	onProgress: (p: Progress) => void = () => {},
	chunkBytes = CHUNK_BYTES
): Promise<ParseSummary> {
	const head = new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer());
	const fail = (f: Omit<ParseFailure, 'file'>) => new Failure({ file: file.name, ...f });
	// Parquet and Arrow files are read by their own readers (./columnar/scan.ts), by their signature.
	const columnar = columnarFormat(head);
	if (columnar) return scanColumnar(file, columnar, options, validate, onProgress);
	const claimed = claimedFormat(file.name);
	if (claimed) throw fail({ code: 'columnar', detail: `no ${claimed} signature at the start` });
	const broken = notText(head);
	if (broken) throw fail({ code: broken });
	const guess = detectEncoding(head);
	const once = async (encoding: Encoding, opts: ParseOptions) => {
		const settings = {
			bom: bomLength(head, encoding),
			chunkBytes,
			options: opts,
			validate,
			onProgress
		};
		// Spreadsheet-safe marks to take off (RewriteNeeded) also mean the original bytes will not do.
		const summary = await scan(file, { ...settings, encoding, rewrite: false }).catch(
			(e: unknown) => {
				if (e instanceof RewriteNeeded) return null;
				throw e;
			}
		);
		if (summary && !summary.needsRewrite) return summary;
		// The original bytes are not what was parsed: read again, writing the clean copy.
		const again = await scan(file, { ...settings, encoding, rewrite: true });
		return summary ? { ...again, notes: summary.notes } : again;
	};
	// Numeric dates (5/9/2020) wait for the whole column to settle day/month order: read again with it.
	const run = async (encoding: Encoding) => {
		const summary = await once(encoding, options);
		const order = summary.dateOrderFound;
		return order && !options.dateOrder
			? await once(encoding, { ...options, dateOrder: order })
			: summary;
	};
	try {
		const encoding = options.encoding ?? guess.encoding;
		try {
			return await run(encoding);
		} catch (error) {
			// UTF-8 was only assumed: a bad byte anywhere decides again, from the bytes there.
			if (!(error instanceof DecodeError) || options.encoding || encoding !== 'utf-8') throw error;
			const at = error.byteOffset;
			const bytes = new Uint8Array(await file.slice(at, at + LEGACY_SAMPLE).arrayBuffer());
			const legacy = legacyEncoding(bytes);
			const summary = await run(legacy);
			return {
				...summary,
				notes: [{ key: 'encoding-late', value: legacy, byte: at }, ...summary.notes]
			};
		}
	} catch (error) {
		if (error instanceof Failure) throw error;
		if (error instanceof CsvError) throw fail({ code: error.code, row: error.row });
		if (error instanceof DecodeError)
			throw fail({ code: 'decode', detail: `${error.encoding}@${error.byteOffset}` });
		throw fail({
			code: 'internal',
			detail: error instanceof Error ? error.message : String(error)
		});
	}
}
