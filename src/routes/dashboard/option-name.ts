import { named, vocab, type VocabKind } from '$lib/i18n';
import type { Dimension } from '$lib/query/filters';
import type { FilterOption, FilterOptions } from '$lib/query/options';

/** Dimensions whose values are catalogue vocabularies (labelled from messages/<locale>/vocab.json). */
const VOCAB: Partial<Record<Dimension, VocabKind>> = {
	side: 'side',
	target_type: 'target_type',
	weapon: 'weapon',
	outcome: 'outcome',
	admin1: 'admin1',
	dataset: 'dataset'
};

/**
 * The name a filter value is shown by, in the page's language: on Arabic pages an actor's,
 * target's or place's name_ar (from its companion table), a vocabulary value's catalogue label,
 * else the English name. `value` is what is stored; it stays in the URL and the SQL.
 */
export function optionName(d: Dimension, value: string, option?: FilterOption): string {
	const kind = VOCAB[d];
	if (kind) return vocab(kind, value);
	return named(option?.label ?? value, option?.labelAr);
}

/** The display name of `value` in dimension `d`, looked up in the loaded options. */
export function optionNameIn(options: FilterOptions | null, d: Dimension, value: string): string {
	return optionName(
		d,
		value,
		options?.[d].find((o) => o.value === value)
	);
}

/**
 * The name of a trend row or first-seen value (`key` in dimension `d`, `label` its English name
 * from the trend query) in the page's language; the loaded filter options give Arabic names.
 */
export function trendName(
	options: FilterOptions | null,
	d: Dimension,
	key: string | null,
	label: string | null
): string | null {
	if (key === null) return label;
	const option = options?.[d].find((o) => o.value === key);
	return optionName(d, key, option ?? (label ? { value: key, label } : undefined));
}
