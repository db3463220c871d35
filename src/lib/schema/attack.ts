/**
 * THE attack rule, written once. The dashboard counts attacks only; the SQL
 * expression is built from these same constants.
 *
 * An incident is an attack when its event_type is one of ATTACK_EVENT_TYPES,
 * or its sub_event_type is one of ATTACK_SUB_EVENT_TYPES (an intercepted drone
 * or rocket attack is still an attack).
 */
import type { EventType, SubEventType } from './vocab';

export const ATTACK_EVENT_TYPES = [
	'Battles',
	'Explosions/Remote violence',
	'Violence against civilians'
] as const satisfies readonly EventType[];

export const ATTACK_SUB_EVENT_TYPES = [
	'Disrupted weapons use'
] as const satisfies readonly SubEventType[];

const EVENT_SET: ReadonlySet<string> = new Set(ATTACK_EVENT_TYPES);
const SUB_SET: ReadonlySet<string> = new Set(ATTACK_SUB_EVENT_TYPES);

/** Does an incident with this event type and sub-event type count as an attack? */
export function isAttack(eventType: string, subEventType: string): boolean {
	return EVENT_SET.has(eventType) || SUB_SET.has(subEventType);
}
