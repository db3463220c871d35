import { describe, expect, it } from 'vitest';
import { SavedViews, VIEWS_KEY, type ViewStorage } from '../../../src/lib/state/saved-views.svelte';
import { parseViewFile } from '../../../src/lib/state/saved-views-file';

/** A Map-backed Web Storage; `full` makes every write throw as a full quota does. */
class MemoryStorage implements ViewStorage {
	map = new Map<string, string>();
	full = false;
	getItem(k: string) {
		return this.map.get(k) ?? null;
	}
	setItem(k: string, v: string) {
		if (this.full) throw new DOMException('quota', 'QuotaExceededError');
		this.map.set(k, v);
	}
	removeItem(k: string) {
		this.map.delete(k);
	}
}

const clock = () => Date.parse('2026-11-29T10:00:00Z');

describe('saved views', () => {
	it('saves, lists by name, renames and deletes; survives a new instance on the same storage', () => {
		const storage = new MemoryStorage();
		const views = new SavedViews(storage, clock);
		expect(views.save('  Weekly  ', '?actor=SDF')).toBe(true);
		expect(views.save('A drones', '?weapon=drone&from=2023-01-01')).toBe(true);
		expect(views.list.map((v) => v.name)).toEqual(['A drones', 'Weekly']);
		expect(views.list[1]).toEqual({
			name: 'Weekly',
			search: '?actor=SDF',
			saved: '2026-11-29T10:00:00.000Z'
		});
		expect(views.rename('Weekly', 'Z weekly')).toBe(true);
		expect(views.rename('Z weekly', 'A drones')).toBe(false);
		expect(views.error).toMatch(/already exists/);
		expect(views.remove('A drones')).toBe(true);
		const reopened = new SavedViews(storage, clock);
		expect(reopened.list).toEqual([
			{ name: 'Z weekly', search: '?actor=SDF', saved: '2026-11-29T10:00:00.000Z' }
		]);
	});

	it('replaces a view saved again under the same name', () => {
		const views = new SavedViews(new MemoryStorage(), clock);
		views.save('v', '?a=1');
		views.save('v', '?a=2');
		expect(views.list.map((v) => v.search)).toEqual(['?a=2']);
	});

	it('exports JSON that imports into a fresh store (another profile) unchanged', () => {
		const a = new SavedViews(new MemoryStorage(), clock);
		a.save('one', '?place=hatla');
		a.save('two', '');
		const file = a.export();
		const b = new SavedViews(new MemoryStorage(), clock);
		expect(b.import(file)).toBe(2);
		expect(b.list).toEqual(a.list);
		expect(JSON.parse(a.export(['two'])).views).toEqual([
			{ name: 'two', search: '', saved: '2026-11-29T10:00:00.000Z' }
		]);
	});

	it('rejects a bad file whole, naming the problem, and keeps the views it had', () => {
		const views = new SavedViews(new MemoryStorage(), clock);
		views.save('kept', '?actor=SDF');
		const bad = (views_: unknown[]) =>
			JSON.stringify({ format: 'raqib-views', version: 1, views: views_ });
		const good = { name: 'ok', search: '?a=1', saved: '2026-01-01T00:00:00Z' };
		const cases: [string, RegExp][] = [
			['not json', /not valid JSON/],
			['{"format":"other"}', /format/],
			['{"format":"raqib-views","version":2,"views":[]}', /version 2/],
			[
				bad([good, { ...good, name: 'x', search: 'http://evil.example/' }]),
				/view 2 \("x"\): "search"/
			],
			[bad([good, good]), /view 2: the name "ok" appears twice/],
			[bad([{ ...good, name: '' }]), /view 1 has no name/],
			[bad([{ ...good, saved: 'yesterday' }]), /"saved" must be a date/],
			[bad([{ ...good, search: '?a=1#frag' }]), /holds '#'/]
		];
		for (const [text, problem] of cases) {
			expect(views.import(text), text).toBe(0);
			expect(views.error, text).toMatch(problem);
			expect(views.list.map((v) => v.name)).toEqual(['kept']);
		}
	});

	it('reports full or missing storage instead of throwing, and clear() forgets everything', () => {
		const storage = new MemoryStorage();
		const views = new SavedViews(storage, clock);
		views.save('a', '');
		storage.full = true;
		expect(views.save('b', '')).toBe(false);
		expect(views.error).toMatch(/could not be saved/);
		expect(views.list.map((v) => v.name)).toEqual(['a']);
		expect(views.clear()).toBe(true);
		expect(storage.getItem(VIEWS_KEY)).toBeNull();
		expect(views.list).toEqual([]);
		const none = new SavedViews(null);
		expect(none.save('x', '')).toBe(false);
		expect(none.error).toMatch(/does not allow/);
	});

	it('reports a corrupt stored list rather than crashing', () => {
		const storage = new MemoryStorage();
		storage.setItem(VIEWS_KEY, '{broken');
		const views = new SavedViews(storage);
		expect(views.list).toEqual([]);
		expect(views.error).toMatch(/could not be read/);
		expect(() => parseViewFile('[]')).toThrow(/format/);
	});
});
