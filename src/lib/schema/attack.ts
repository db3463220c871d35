/**
 * The ONE attack rule of the codebook: an incident is an attack when its
 * event_type is one of ATTACK_EVENT_TYPES or its sub_event_type is one of
 * ATTACK_SUB_EVENT_TYPES. Everything else (e.g. strategic developments) is an event, not an attack.
 */
export const ATTACK_EVENT_TYPES = [
	'Battles',
	'Explosions/Remote violence',
	'Violence against civilians'
] as const;

export const ATTACK_SUB_EVENT_TYPES = ['Disrupted weapons use'] as const;

export function isAttack(eventType: string, subEventType: string): boolean {
	return (
		(ATTACK_EVENT_TYPES as readonly string[]).includes(eventType) ||
		(ATTACK_SUB_EVENT_TYPES as readonly string[]).includes(subEventType)
	);
}
