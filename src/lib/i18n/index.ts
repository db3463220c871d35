import { en, type MessageKey } from './en/index';

export type { MessageKey };
export type Catalogue = Record<MessageKey, string>;

const catalogues: Record<string, Catalogue> = { en };
let active: Catalogue = en;

/** Switch the catalogue (an Arabic one will be added beside en.ts). */
export function setLocale(locale: string): void {
	active = catalogues[locale] ?? en;
}

/** The message for `key`, with `{name}` placeholders filled from `vars`. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
	const text: string = active[key] ?? en[key];
	if (!vars) return text;
	return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

const numbers = new Intl.NumberFormat('en');
export const formatNumber = (n: number): string => numbers.format(n);

export function formatBytes(n: number): string {
	if (n < 1024) return `${n} B`;
	if (n < 1024 ** 2) return `${(n / 1024).toFixed(0)} KB`;
	return `${(n / 1024 ** 2).toFixed(1)} MB`;
}
