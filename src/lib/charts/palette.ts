/**
 * Colours. Sides use the Okabe–Ito palette, designed to stay distinct under
 * the common colour-vision deficiencies; "unknown" is a neutral grey.
 */
export const SIDE_COLORS: Record<string, string> = {
	coalition: '#0072B2',
	'Iran-aligned': '#D55E00',
	'Syrian government': '#009E73',
	other: '#CC79A7',
	unknown: '#8C8C8C'
};
export const SIDES = Object.keys(SIDE_COLORS);

/** A side's colour (unexpected sides from uploads get the neutral grey). */
export const sideColor = (side: string): string => SIDE_COLORS[side] ?? SIDE_COLORS.unknown!;

/** Plot colour scale options for a fill channel holding sides. */
export function sideScale(present: readonly string[]) {
	const domain = [
		...SIDES.filter((s) => present.includes(s)),
		...present.filter((s) => !SIDES.includes(s))
	];
	return { domain, range: domain.map(sideColor), legend: true };
}

/**
 * Twelve categorical colours for actors: Okabe–Ito's eight, then four from
 * Paul Tol's "muted" set that stay apart from them; a thirteenth actor and
 * beyond share "Other".
 */
export const ACTOR_COLORS = [
	'#0072B2',
	'#D55E00',
	'#009E73',
	'#CC79A7',
	'#E69F00',
	'#56B4E9',
	'#F0E442',
	'#000000',
	'#882255',
	'#44AA99',
	'#999933',
	'#AA4499'
];

/** Text size for every chart: Plot's 10px default is too small to read on a phone. */
/**
 * Charts lay out their own text (anchors, margins), so the SVG is always left-to-right; Arabic
 * labels inside it still read right to left (each is one RTL run). RTL mirroring of a chart is
 * done with its scales (see hbar.ts), not by the inherited CSS direction.
 */
export const CHART_STYLE = { fontSize: '12px', direction: 'ltr', fontFamily: 'var(--font-sans)' };
