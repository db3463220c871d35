/**
 * After the build: write precompressed `<file>.br` and `<file>.gz` next to every
 * text file and the WebAssembly in build/, so that a static host (and
 * `npm start`, see server.js) sends them with `Content-Encoding` instead of the
 * raw bytes. DuckDB's .wasm is 34 MB raw and 5.2 MB as brotli.
 *
 * A copy is kept only when it is smaller than the original. Brotli runs at its
 * best quality (11): the files are sent far more often than they are built. At
 * quality 11 each .wasm takes over a minute (a 16 MB window would save 2 % more
 * and take four times as long), so a copy is reused from a
 * cache shared by every checkout on the machine (~/.cache/raqib-compress, or
 * $RAQIB_COMPRESS_CACHE) when the file's bytes (SHA-256) are the same as at an
 * earlier build.
 *
 * Why not adapter-static's `precompress`: it leaves .csv (the shipped data) and
 * .webmanifest out and has no cache, so every build would spend minutes on the
 * unchanged engine.
 *
 * Usage: node scripts/compress.js [buildDir]
 */
import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { homedir } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** File types worth compressing: text and WebAssembly (images and fonts are compressed already). */
export const COMPRESSIBLE = new Set([
	'.html',
	'.js',
	'.mjs',
	'.css',
	'.json',
	'.svg',
	'.xml',
	'.txt',
	'.csv',
	'.wasm',
	'.webmanifest',
	'.map'
]);
/** Below this size the headers cost more than compression saves. */
const MIN_BYTES = 512;
const CACHE = process.env.RAQIB_COMPRESS_CACHE ?? join(homedir(), '.cache', 'raqib-compress');

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** @param {Buffer} bytes */
function brotliOptions(bytes) {
	return {
		params: {
			[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
			[constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
			[constants.BROTLI_PARAM_MODE]:
				bytes[0] === 0 ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT
		}
	};
}

/**
 * The compressed bytes of `bytes`, from the cache when this content was compressed before.
 * @param {Buffer} bytes
 * @param {'br' | 'gz'} kind
 * @returns {Promise<Buffer>}
 */
async function compressed(bytes, kind) {
	const key = createHash('sha256').update(bytes).digest('hex');
	const cached = join(CACHE, `${key}.${kind}`);
	if (existsSync(cached)) return readFileSync(cached);
	const out =
		kind === 'br' ? await brotli(bytes, brotliOptions(bytes)) : await gz(bytes, { level: 9 });
	// Only larger files are worth a cache entry; small ones compress in milliseconds.
	if (bytes.length > 1 << 16) {
		mkdirSync(CACHE, { recursive: true });
		// Write then rename: another checkout's build may read the same entry at the same time.
		const partial = `${cached}.${process.pid}.tmp`;
		writeFileSync(partial, out);
		renameSync(partial, cached);
	}
	return out;
}

/**
 * Compress every eligible file under `dir`.
 * @param {string} dir
 * @returns {Promise<{ files: number, raw: number, br: number, gz: number }>} totals of the eligible files
 */
export async function compressDir(dir) {
	const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
		(f) => COMPRESSIBLE.has(extname(f)) && statSync(join(dir, f)).isFile()
	);
	const totals = { files: 0, raw: 0, br: 0, gz: 0 };
	// Largest first, so the two .wasm files run side by side on zlib's thread pool.
	const sized = files
		.map((f) => ({ f, size: statSync(join(dir, f)).size }))
		.filter((x) => x.size >= MIN_BYTES)
		.sort((a, b) => b.size - a.size);
	await Promise.all(
		sized.map(async ({ f }) => {
			const path = join(dir, f);
			const bytes = readFileSync(path);
			const [br, gzBytes] = await Promise.all([compressed(bytes, 'br'), compressed(bytes, 'gz')]);
			totals.files++;
			totals.raw += bytes.length;
			totals.br += Math.min(br.length, bytes.length);
			totals.gz += Math.min(gzBytes.length, bytes.length);
			if (br.length < bytes.length) writeFileSync(`${path}.br`, br);
			if (gzBytes.length < bytes.length) writeFileSync(`${path}.gz`, gzBytes);
		})
	);
	return totals;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const dir = process.argv[2] ?? 'build';
	const started = performance.now();
	const t = await compressDir(dir);
	const mb = (/** @type {number} */ n) => (n / 1e6).toFixed(1);
	console.log(
		`compressed ${t.files} files in ${dir}: ${mb(t.raw)} MB raw, ${mb(t.br)} MB brotli, ` +
			`${mb(t.gz)} MB gzip (${((performance.now() - started) / 1000).toFixed(1)} s)`
	);
}
