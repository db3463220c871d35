/**
 * How a new actor or place name is matched to one Raqib already has: the same
 * name once case, hyphens, spaces, apostrophes, diacritics and the Arabic
 * article (Al-, al-, el-, and its sun-letter forms ad-, ar-, as-, ash-, at-,
 * az-, ed-, es-, ez- …) are set aside. "Al Mayadin" matches "Al-Mayadin";
 * "Deir-ez-Zor" and "Deir al-Zor" match "Deir ez-Zor". A match found this way
 * is shown to the user for confirmation, never applied silently.
 */

/** Transliterations of the Arabic definite article, as separate words after hyphens are spaces. */
const ARTICLES = new Set([
	'al',
	'el',
	'il',
	'ul',
	'ad',
	'ar',
	'as',
	'ash',
	'at',
	'az',
	'ed',
	'er',
	'es',
	'esh',
	'et',
	'ez',
	'adh',
	'an',
	'en'
]);

/** A name in lower case with its Latin diacritics taken off: 'Ḥasakah' → 'hasakah'. */
export function foldLatin(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();
}

/**
 * An identifier from a name: runs of anything but `keep` become `joiner`,
 * none at either end, at most `max` characters ('' when nothing is left).
 */
export function asciiId(name: string, keep: RegExp, joiner: string, max: number): string {
	const trim = new RegExp(`^${joiner}+|${joiner}+$`, 'g');
	return foldLatin(name).replace(keep, joiner).replace(trim, '').slice(0, max);
}

/** The comparison key of a name ('' only for an empty name). */
export function matchKey(name: string): string {
	const plain = foldLatin(name).replace(/['\u2018\u2019\u02bb\u02bc\u02be\u02bf`]/g, '');
	const words = plain.split(/[\s\-_]+/).filter((w) => w !== '');
	const kept = words.filter((w) => !ARTICLES.has(w));
	return (kept.length ? kept : words).join(' ');
}
