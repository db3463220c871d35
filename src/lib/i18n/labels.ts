/**
 * Display labels for stored data values. Stored values stay English (SQL, URLs and exports do not
 * change with the language); only what is shown changes.
 *
 * - Codebook vocabularies (src/lib/schema/vocab.ts), the gazetteer's governorates (admin1) and the
 *   dataset names Raqib writes: messages `vocab.<kind>.<value>` in messages/<locale>/vocab.json.
 *   A value outside them is shown as stored.
 * - Actors, targets and places: their `name_ar` from the companion tables on Arabic pages,
 *   else the stored English name.
 */
import { locale } from './locale';
import { hasMessage, t, type MessageKey } from './translate';

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
	| 'date_confidence'
	| 'admin1'
	| 'dataset';

/**
 * Values the dashboard's facts table writes where the data has none (src/lib/query/facts.ts):
 * '(not coded)' and '(none)'. They have one label whatever the kind.
 */
const FILLERS: readonly string[] = ['(not coded)', '(none)'];

/** The label of a vocabulary value in the page's language ('drone' → 'مسيّرة'). */
export function vocab(kind: VocabKind, value: string | number | null | undefined): string {
	const v = value == null ? '' : String(value);
	if (locale() !== 'ar') return v;
	const key = FILLERS.includes(v) ? `vocab.filler.${v}` : `vocab.${kind}.${v}`;
	return hasMessage(key) ? t(key) : v;
}

/** A named thing (actor, target, place) in the page's language: name_ar on Arabic pages if known (a filler such as '(none)' in its Arabic words). */
export function named(en: string, ar: string | null | undefined): string {
	if (locale() !== 'ar') return en;
	if (ar) return ar;
	return FILLERS.includes(en) ? t(`vocab.filler.${en}` as MessageKey) : en;
}
