import { formatMonth, formatWeek, isArabic } from '$lib/i18n';
import { periodLabel, type PeriodKind } from '$lib/query/periods';

/**
 * A trend period's name, from its first day `from` (ISO): '2023-W44' or '2023-10' in English
 * (ISO week, month), 'أسبوع ٣٠ تشرين الأول ٢٠٢٣' or 'تشرين الأول ٢٠٢٣' in Arabic (Levantine months).
 */
export const periodName = (from: string, kind: PeriodKind): string =>
	isArabic() ? (kind === 'week' ? formatWeek(from) : formatMonth(from)) : periodLabel(from, kind);
