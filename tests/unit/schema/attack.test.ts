import { describe, expect, it } from 'vitest';
import {
	ATTACK_EVENT_TYPES,
	ATTACK_SUB_EVENT_TYPES,
	isAttack
} from '../../../src/lib/schema/attack';
import { EVENT_TYPES, SUB_EVENT_TYPES } from '../../../src/lib/schema/vocab';

describe('the attack rule', () => {
	it('counts battles, remote violence and violence against civilians', () => {
		expect(isAttack('Battles', 'Armed clash')).toBe(true);
		expect(isAttack('Explosions/Remote violence', 'Air/drone strike')).toBe(true);
		expect(isAttack('Violence against civilians', 'Attack')).toBe(true);
	});

	it('counts an intercepted attack but no other strategic development', () => {
		expect(isAttack('Strategic developments', 'Disrupted weapons use')).toBe(true);
		expect(isAttack('Strategic developments', 'Change to group/activity')).toBe(false);
		expect(isAttack('Strategic developments', 'Headquarters or base established')).toBe(false);
		expect(isAttack('Protests', 'Peaceful protest')).toBe(false);
	});

	it('is built from codebook strings only', () => {
		for (const t of ATTACK_EVENT_TYPES) expect(EVENT_TYPES).toContain(t);
		for (const s of ATTACK_SUB_EVENT_TYPES)
			expect(SUB_EVENT_TYPES['Strategic developments']).toContain(s);
	});
});
