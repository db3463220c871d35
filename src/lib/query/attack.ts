import { ATTACK_EVENT_TYPES, ATTACK_SUB_EVENT_TYPES } from '$lib/schema/attack';
import { quoteIdent, quoteLiteral } from './sql';

/**
 * The attack rule as a SQL boolean over the given columns. The vocabularies are
 * constants from the codebook (not user text), so they are inlined as quoted
 * literals: the expression then stays usable in DDL, where parameters are not.
 */
export function attackPredicate(eventType = 'event_type', subEventType = 'sub_event_type'): string {
	const list = (values: readonly string[]) => values.map(quoteLiteral).join(', ');
	return `(${quoteIdent(eventType)} IN (${list(ATTACK_EVENT_TYPES)}) OR ${quoteIdent(subEventType)} IN (${list(ATTACK_SUB_EVENT_TYPES)}))`;
}
