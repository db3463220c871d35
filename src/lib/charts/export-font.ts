import bold from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2?url';
import regular from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url';

/** Arabic-script letters and digits (Arabic, Supplement, Extended-A, Presentation Forms A and B). */
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;

const FACES = [
	{ url: regular, weight: 400 },
	{ url: bold, weight: 700 }
];

async function dataUrl(url: string): Promise<string> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	const blob = await response.blob();
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(String(reader.result));
		reader.onerror = () => reject(reader.error ?? new Error(`${url}: could not be read`));
		reader.readAsDataURL(new Blob([blob], { type: 'font/woff2' }));
	});
}

/**
 * CSS @font-face rules for the self-hosted Noto Sans Arabic (regular and bold, the same files the
 * page uses, src/routes/+layout.svelte), each file inlined as a data: URL, for a chart exported
 * as a standalone SVG or drawn to a PNG: an SVG drawn as an image loads no font from the page, so
 * without them its Arabic falls back to whatever system font has the glyphs, or to empty boxes.
 * '' when `text` has no Arabic letter (English charts stay as small as before). Reads only the
 * app's own files; throws if one cannot be read.
 */
export async function arabicFontFaces(text: string): Promise<string> {
	if (!ARABIC.test(text)) return '';
	const sources = await Promise.all(FACES.map((f) => dataUrl(f.url)));
	return FACES.map(
		(f, i) =>
			`@font-face{font-family:'Noto Sans Arabic';font-style:normal;font-weight:${f.weight};` +
			`src:url(${sources[i]}) format('woff2');}`
	).join('');
}
