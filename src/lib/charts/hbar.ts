import * as Plot from '@observablehq/plot';
import { isPicked, type Choice } from '$lib/query/filters';
import { CHART_STYLE } from './palette';
import { countTicks } from './ticks';

/** Charts use 12px text (CHART_STYLE); average Latin glyph width at that size, for the label margin. */
const CHAR_PX = 6.8;
const BAR_PX = 22;

export interface HBarSpec<T extends object> {
	rows: readonly T[];
	width: number;
	/** The category (one bar each), in display order. */
	y: keyof T & string;
	/** The count drawn. */
	x: keyof T & string;
	xLabel: string;
	/** Colour per bar: a channel name (with its scale) or one colour. */
	fill: { channel: keyof T & string; scale: Plot.ScaleOptions } | string;
	/** The selection in this chart's dimension: bars not picked by it are dimmed. */
	selected?: Choice;
	/** Extra tooltip lines (channel label → row key), e.g. the Arabic name. */
	tip?: Record<string, keyof T & string>;
	/** The DOM to draw in: given while prerendering (ChartFrame), else the page's own. */
	document?: Document;
}

/** Shorten a label to n characters with an ellipsis (the full text stays in the tooltip and table). */
export function clip(text: string, n: number): string {
	return text.length <= n ? text : `${text.slice(0, Math.max(1, n - 1))}…`;
}

/** A sorted horizontal bar chart with the count written at each bar's end, shared by the category charts. */
export function hbar<T extends object>(s: HBarSpec<T>): Element {
	const labels = s.rows.map((r) => String(r[s.y]));
	const maxChars = Math.max(4, Math.floor((s.width * 0.42) / CHAR_PX));
	const longest = Math.min(maxChars, Math.max(0, ...labels.map((l) => l.length)));
	const fill = typeof s.fill === 'string' ? s.fill : s.fill.channel;
	const ticks = countTicks(
		Math.max(0, ...s.rows.map((r) => Number(r[s.x]) || 0)),
		s.width < 400 ? 3 : 5
	);
	const dim = (r: T) => !!s.selected?.values.length && !isPicked(s.selected, String(r[s.y]));
	const channels = Object.fromEntries(
		Object.entries(s.tip ?? {}).map(([label, key]) => [label, (r: T) => r[key] ?? '—'])
	);
	return Plot.plot({
		document: s.document,
		width: s.width,
		style: CHART_STYLE,
		height: Math.max(60, labels.length * BAR_PX + 54),
		marginLeft: longest * CHAR_PX + 12,
		marginRight: 36,
		marginBottom: 44,
		x: {
			label: s.xLabel,
			grid: true,
			domain: [0, ticks.at(-1)!],
			ticks,
			tickFormat: 'd',
			labelOffset: 38
		},
		y: { label: null, domain: labels, tickFormat: (l: string) => clip(l, maxChars) },
		color: typeof s.fill === 'string' ? undefined : s.fill.scale,
		opacity: { type: 'identity' },
		marks: [
			Plot.barX(
				s.rows as T[],
				{
					y: s.y,
					x: s.x,
					fill,
					fillOpacity: (r: T) => (dim(r) ? 0.3 : 1),
					channels,
					tip: { format: { fillOpacity: false, y: true, x: true }, lineWidth: 40 },
					cursor: 'pointer'
				} as Plot.BarXOptions
			),
			Plot.text(s.rows as T[], {
				y: s.y,
				x: s.x,
				text: (r: T) => String(r[s.x]),
				dx: 4,
				textAnchor: 'start',
				fill: 'currentColor'
			}),
			Plot.ruleX([0])
		]
	});
}
