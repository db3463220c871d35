import type { ResultTable } from './result';

/** Row height in CSS pixels; the grid's CSS uses the same number. */
export const ROW_HEIGHT = 28;
/**
 * Browsers cap an element's height (Firefox near 17.9 million px), so past
 * this many pixels the scroll track is scaled: the scrollbar maps onto the
 * rows proportionally instead of one pixel to one pixel.
 */
export const MAX_SCROLL_PX = 8_000_000;

export interface Window {
	/** First displayed row index to render. */
	first: number;
	/** How many rows to render. */
	count: number;
	/** Where, in the scroll canvas, the first rendered row's top edge goes. */
	top: number;
	/** Height of the scroll canvas. */
	height: number;
}

/** Which rows are visible for a scroll position, with a scaled track for very long results. */
export function visibleWindow(rows: number, scrollTop: number, viewport: number): Window {
	const full = rows * ROW_HEIGHT;
	const height = Math.min(full, MAX_SCROLL_PX);
	const count = Math.min(rows, Math.ceil(viewport / ROW_HEIGHT) + 2);
	if (full <= height || height <= viewport) {
		const first = Math.max(0, Math.min(rows - count, Math.floor(scrollTop / ROW_HEIGHT)));
		return { first, count, top: first * ROW_HEIGHT, height };
	}
	const fraction = Math.max(0, Math.min(1, scrollTop / (height - viewport)));
	const virtualTop = fraction * (full - viewport);
	const first = Math.min(rows - count, Math.floor(virtualTop / ROW_HEIGHT));
	return { first, count, top: scrollTop - (virtualTop - first * ROW_HEIGHT), height };
}

/** Column widths in px from the header and a sample of the first rows' text. */
export function columnWidths(result: ResultTable, sample = 200): number[] {
	const n = Math.min(result.numRows, sample);
	return result.columns.map((col, c) => {
		let chars = Math.max(col.name.length, col.type.length * 0.85);
		for (let r = 0; r < n; r++)
			chars = Math.max(chars, Math.min(48, result.text(r, c)?.length ?? 4));
		return Math.round(Math.min(380, Math.max(72, chars * 8 + 24)));
	});
}
