/**
 * The digits setting: Latin digits (0-9, as the source reports write them) or Arabic-Indic
 * digits (٠-٩). Only Arabic pages offer the choice; English always uses Latin digits.
 *
 * One value per browser tab, kept in localStorage ('raqib.digits'). It is module state on
 * purpose: every formatter reads it, and making it $state re-renders every number when the
 * reader flips the setting. The server (prerender) never writes it, so prerendered pages use
 * the default and a different stored choice is applied on the client after hydration
 * (`loadDigits()` in the root layout's onMount).
 */
export type Digits = 'arab' | 'latn';

const KEY = 'raqib.digits';

/** Arabic-Indic by default, as Intl writes Arabic ('ar-SY') numbers. */
export const DEFAULT_DIGITS: Digits = 'arab';

const setting = $state<{ digits: Digits }>({ digits: DEFAULT_DIGITS });

/** The digits used on Arabic pages now (reactive). */
export const digits = (): Digits => setting.digits;

/** Use `d` from now on and remember it in this browser. */
export function setDigits(d: Digits): void {
	setting.digits = d;
	try {
		localStorage.setItem(KEY, d);
	} catch {
		// Storage blocked (private mode, policy): the choice holds for this page only.
	}
}

/** Apply the remembered choice, if any (client only, after hydration). */
export function loadDigits(): void {
	try {
		const stored = localStorage.getItem(KEY);
		if (stored === 'arab' || stored === 'latn') setting.digits = stored;
	} catch {
		// Storage blocked: keep the default.
	}
}
