import { formatDate, t, type MessageKey } from '$lib/i18n';
import { DIMENSIONS, type Filters } from '$lib/query/filters';

/** The filters as one sentence for the brief, e.g. "Attacks from 2023-10-01 to 2023-11-30; Actor: SDF." */
export function filtersInWords(f: Filters): string {
	const what = f.all ? t('brief.words.events') : t('brief.words.attacks');
	const when =
		f.from && f.to
			? t('brief.words.between', { from: formatDate(f.from), to: formatDate(f.to) })
			: f.from
				? t('brief.words.since', { from: formatDate(f.from) })
				: f.to
					? t('brief.words.until', { to: formatDate(f.to) })
					: t('brief.words.allDates');
	const parts = DIMENSIONS.flatMap((d) => {
		const c = f[d];
		if (!c) return [];
		const names = c.values.join(', ');
		return `${t(`dashboard.filter.${d}` as MessageKey)}: ${c.exclude ? t('dashboard.pick.allBut', { names }) : names}`;
	});
	if (f.q) parts.push(`${t('dashboard.filter.q')}: “${f.q}”`);
	if (f.emerging) parts.push(t('trends.filter.new'));
	return parts.length ? `${what} ${when}; ${parts.join('; ')}.` : `${what} ${when}.`;
}
