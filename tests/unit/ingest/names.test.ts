import { describe, expect, it } from 'vitest';
import { matchKey } from '../../../src/lib/ingest/names';

describe('matching names', () => {
	it('sets aside case, hyphens, spaces, diacritics and the article', () => {
		expect(matchKey('Al Mayadin')).toBe(matchKey('Al-Mayadin'));
		expect(matchKey('al-Mayadin')).toBe(matchKey('AL  MAYADIN'));
		expect(matchKey('Deir-ez-Zor')).toBe(matchKey('Deir ez-Zor'));
		expect(matchKey('Deir al-Zor')).toBe(matchKey('Deir ez-Zor'));
		expect(matchKey('Abū Kamāl')).toBe(matchKey('Abu Kamal'));
		expect(matchKey("Ra's al-'Ayn")).toBe(matchKey('Ras al Ayn'));
	});

	it('keeps different names apart', () => {
		expect(matchKey('Mayadin')).not.toBe(matchKey('Mohassan'));
		expect(matchKey('Hajin')).not.toBe(matchKey('Hajjin'));
		// A name that is only an article stays a name.
		expect(matchKey('Al')).toBe('al');
	});
});
