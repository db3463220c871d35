/**
 * The page's language and the URLs of the other language.
 *
 * English pages live at /, /sql/, /data/ …; Arabic pages at /ar/, /ar/sql/, /ar/data/ … (both
 * prerendered; src/hooks.ts maps /ar/x to the route of /x, src/hooks.server.ts renders it in
 * Arabic). The language is decided by the URL alone, so the server and the browser always
 * agree and every page is static HTML in its own language from the first byte.
 */
import { getLocale, getTextDirection, localizeHref } from '$lib/paraglide/runtime.js';

export type Locale = 'en' | 'ar';

/** Every language, named in its own language (for the switch, per WCAG 3.1.2). */
export const LANGUAGES: readonly { locale: Locale; name: string }[] = [
	{ locale: 'en', name: 'English' },
	{ locale: 'ar', name: 'العربية' }
];

/** The page's language. */
export const locale = (): Locale => getLocale();

/** 'rtl' on Arabic pages, 'ltr' on English ones. */
export const dir = (l: Locale = locale()): 'ltr' | 'rtl' => getTextDirection(l);

/** True on Arabic pages. */
export const isArabic = (): boolean => locale() === 'ar';

/**
 * `href` (an app path such as resolve('/sql')) in the page's language, or in `to`:
 * '/sql/' becomes '/ar/sql/' on Arabic pages. Query string and hash are kept.
 */
export const localHref = (href: string, to: Locale = locale()): string =>
	localizeHref(href, { locale: to });

/** localStorage key of the reader's explicit language choice. */
export const LOCALE_KEY = 'raqib.locale';

/** Remember an explicit choice (from the language switch). */
export function rememberLocale(l: Locale): void {
	try {
		localStorage.setItem(LOCALE_KEY, l);
	} catch {
		// Storage blocked: the choice holds for this visit only.
	}
}

/**
 * The language a reader arriving at an English URL should see: their remembered choice, else
 * (first visit) the first of the browser's languages that Raqib has, else English.
 */
export function preferredLocale(
	stored: string | null,
	browserLanguages: readonly string[]
): Locale {
	if (stored === 'en' || stored === 'ar') return stored;
	for (const tag of browserLanguages) {
		const base = tag.toLowerCase().split('-')[0];
		if (base === 'ar' || base === 'en') return base;
	}
	return 'en';
}
