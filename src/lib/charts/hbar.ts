import * as Plot from '@observablehq/plot';
import { formatNumber, isArabic, named, vocab, type VocabKind } from '$lib/i18n';
import { isPicked, type Choice } from '$lib/query/filters';
import { CHART_STYLE } from './palette';
import { countTicks } from './ticks';

/** Category columns whose values have catalogue labels (vocabularies, governorates, dataset names). */
const VOCAB_COLUMNS: readonly string[] = [
	'side',
	'target_type',
	'weapon',
	'outcome',
	'admin1',
	'dataset'
];

/**
 * The text shown for a bar's category: the Arabic name (`<y>_ar` on the row) or the vocabulary
 * label on Arabic pages, else the stored value. The stored value stays the bar's key (filters).
 */
function displayLabel(y: string, row: object): string {
	const r = row as Record<string, unknown>;
	const value = String(r[y] ?? '');
	const ar = r[`${y}_ar`];
	if (typeof ar === 'string' || ar === null) return named(value, ar);
	return VOCAB_COLUMNS.includes(y) ? vocab(y as VocabKind, value) : value;
}

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

/**
 * A sorted horizontal bar chart with the count written at each bar's end, shared by the category
 * charts. On Arabic pages it is mirrored: labels on the right, bars growing leftward.
 */
export function hbar<T extends object>(s: HBarSpec<T>): Element {
	const rtl = isArabic();
	const labels = s.rows.map((r) => String(r[s.y]));
	const shown = new Map(s.rows.map((r) => [String(r[s.y]), displayLabel(s.y, r)]));
	const show = (v: string) => shown.get(v) ?? v;
	const maxChars = Math.max(4, Math.floor((s.width * 0.42) / CHAR_PX));
	const longest = Math.min(maxChars, Math.max(0, ...[...shown.values()].map((l) => l.length)));
	const labelMargin = longest * CHAR_PX + 12;
	const fill = typeof s.fill === 'string' ? s.fill : s.fill.channel;
	const legend = (v: string) => (VOCAB_COLUMNS.includes(fill) ? vocab(fill as VocabKind, v) : v);
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
		marginLeft: rtl ? 36 : labelMargin,
		marginRight: rtl ? labelMargin : 36,
		marginBottom: 44,
		x: {
			label: s.xLabel,
			grid: true,
			domain: [0, ticks.at(-1)!],
			ticks,
			labelOffset: 38,
			reverse: rtl,
			labelAnchor: rtl ? 'right' : undefined,
			tickFormat: (n: number) => formatNumber(n)
		},
		y: {
			label: null,
			domain: labels,
			axis: rtl ? 'right' : 'left',
			tickFormat: (l: string) => clip(show(l), maxChars)
		},
		color: typeof s.fill === 'string' ? undefined : { ...s.fill.scale, tickFormat: legend },
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
					tip: {
						format: {
							fillOpacity: false,
							y: (v: string) => show(v),
							x: (n: number) => formatNumber(n)
						},
						lineWidth: 40
					},
					cursor: 'pointer'
				} as Plot.BarXOptions
			),
			Plot.text(s.rows as T[], {
				y: s.y,
				x: s.x,
				text: (r: T) => formatNumber(Number(r[s.x])),
				dx: rtl ? -4 : 4,
				textAnchor: rtl ? 'end' : 'start',
				fill: 'currentColor'
			}),
			Plot.ruleX([0])
		]
	});
}
