/**
 * Display labels for stored data values. Stored values stay English (SQL, URLs and exports do not
 * change with the language); only what is shown changes.
 *
 * - Codebook vocabularies (src/lib/schema/vocab.ts): messages `vocab.<kind>.<value>` in
 *   messages/<locale>/vocab.json. A value outside the vocabulary is shown as stored.
 * - Actors, targets and places: their `name_ar` from the companion tables on Arabic pages,
 *   else the stored English name.
 */
import { locale } from './locale';
import { hasMessage, t } from './translate';

export type VocabKind =
	| 'event_type'
	| 'sub_event_type'
	| 'weapon'
	| 'outcome'
	| 'certainty'
	| 'side'
	| 'target_type'
	| 'geo_precision'
	| 'bank'
	| 'date_confidence';

/** The label of a vocabulary value in the page's language ('drone' → 'مسيّرة'). */
export function vocab(kind: VocabKind, value: string | number | null | undefined): string {
	const v = value == null ? '' : String(value);
	if (locale() !== 'ar') return v;
	const key = `vocab.${kind}.${v}`;
	return hasMessage(key) ? t(key) : v;
}

/** A named thing (actor, target, place) in the page's language: name_ar on Arabic pages if known. */
export function named(en: string, ar: string | null | undefined): string {
	return locale() === 'ar' && ar ? ar : en;
}
