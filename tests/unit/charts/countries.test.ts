import { describe, expect, it } from 'vitest';
import { countries, inFrame } from '../../../src/lib/charts/geo/countries';

describe('the map base', () => {
	const outline = countries();
	const ids = (box: [number, number, number, number]) =>
		inFrame(outline.others, box).map((f) => String(f.id));

	it("draws Syria's neighbours around Deir ez-Zor, and not the far side of the world", () => {
		const near = ids([38, 33, 43, 37]);
		expect(near).toEqual(expect.arrayContaining(['368', '792']));
		expect(near).not.toContain('004');
		expect(near).not.toContain('076');
	});

	it('has the countries of an import held elsewhere (Afghanistan and its neighbours)', () => {
		const far = ids([60, 29, 75, 39]);
		expect(far).toEqual(expect.arrayContaining(['004', '364', '586']));
		expect(far).not.toContain('792');
	});
});
