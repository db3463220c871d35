import type { SubEvent } from './profile';

/** Arabic weapon names as reports write them. */
const WEAPON_AR: Record<string, string> = {
	drone: 'مسيّرة',
	rocket: 'صواريخ',
	airstrike: 'غارة جوية',
	helicopter: 'مروحية',
	artillery: 'قذائف مدفعية',
	'ground assault': 'هجوم بري',
	unknown: 'سلاح مجهول'
};

export interface EvidenceParts {
	text: SubEvent['text'];
	weapon: string;
	actor: string;
	other: string;
	target: string;
	place: string;
	fatalities: number;
	injuries: number;
}

/**
 * A short invented Arabic sentence in the style of the source reports, ending
 * with "(اصطناعي)" — "synthetic" — so no one mistakes it for a quotation.
 */
export function evidence(p: EvidenceParts): string {
	const w = WEAPON_AR[p.weapon] ?? WEAPON_AR.unknown;
	let s: string;
	switch (p.text) {
		case 'strike':
			s = `${w} تستهدف ${p.target} في ${p.place}`;
			break;
		case 'shelling':
			s = `${w} على ${p.target} في ${p.place}`;
			break;
		case 'clash':
			s = `اشتباكات مع ${p.other} في ${p.place}`;
			break;
		case 'civilians':
			s = `هجوم على مدنيين في ${p.place}`;
			break;
		case 'intercept':
			s = `إسقاط ${w} قرب ${p.target}`;
			break;
		case 'explosion':
			s = `انفجار عبوة في ${p.place}`;
			break;
		default:
			s = `تحركات لـ${p.actor} في ${p.place}`;
	}
	if (p.fatalities > 0) s += `، قتلى: ${p.fatalities}`;
	if (p.injuries > 0) s += `، جرحى: ${p.injuries}`;
	return `${s} (اصطناعي)`;
}
