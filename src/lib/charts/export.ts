import Papa from 'papaparse';
import { neutralise } from '$lib/csv/spreadsheet-safe';
import { arabicFontFaces } from './export-font';

/** Offer a Blob to the user as a download (no network: an object URL on this page). */
export function download(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A standalone SVG document for a rendered chart, with the page's text colour and font inlined,
 * and the Arabic face embedded when the chart has Arabic text (./export-font.ts).
 */
export async function svgText(svg: SVGSVGElement): Promise<string> {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	const style = getComputedStyle(svg);
	copy.style.color = style.color;
	copy.style.fontFamily = style.fontFamily;
	copy.style.background = 'white';
	copy.querySelectorAll('[aria-hidden="true"].tip, g[aria-label="tip"]').forEach((n) => n.remove());
	const faces = await arabicFontFaces(copy.textContent ?? '');
	if (faces) {
		const sheet = document.createElementNS('http://www.w3.org/2000/svg', 'style');
		sheet.textContent = faces;
		copy.insertBefore(sheet, copy.firstChild);
	}
	return new XMLSerializer().serializeToString(copy);
}

export async function downloadSvg(svg: SVGSVGElement, filename: string): Promise<void> {
	download(new Blob([await svgText(svg)], { type: 'image/svg+xml' }), filename);
}

/** Rasterise the chart at twice its size on a white background. */
export async function downloadPng(svg: SVGSVGElement, filename: string): Promise<void> {
	const { width, height } = svg.getBoundingClientRect();
	const url = URL.createObjectURL(new Blob([await svgText(svg)], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		img.src = url;
		await img.decode();
		const scale = 2;
		const canvas = document.createElement('canvas');
		canvas.width = Math.ceil(width * scale);
		canvas.height = Math.ceil(height * scale);
		const ctx = canvas.getContext('2d')!;
		ctx.fillStyle = 'white';
		ctx.fillRect(0, 0, canvas.width, canvas.height);
		ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
		const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
		if (png) download(png, filename);
	} finally {
		URL.revokeObjectURL(url);
	}
}

export interface Column {
	key: string;
	label: string;
	/** Right-to-left text (Arabic names). */
	rtl?: boolean;
}

/**
 * The chart's numbers as CSV, with the table view's column labels as the
 * header. Text (names from the data) is spreadsheet-safe; numbers are written as they are.
 */
export function csvText(columns: readonly Column[], rows: readonly object[]): string {
	const cell = (v: unknown) => (typeof v === 'string' ? neutralise(v) : (v ?? ''));
	return Papa.unparse({
		fields: columns.map((c) => neutralise(c.label)),
		data: rows.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c.key])))
	});
}

export function downloadCsv(
	columns: readonly Column[],
	rows: readonly object[],
	filename: string
): void {
	// A BOM so spreadsheet programs read the Arabic names as UTF-8.
	download(
		new Blob(['\ufeff', csvText(columns, rows)], { type: 'text/csv;charset=utf-8' }),
		filename
	);
}
