import type { BenchContext } from '../lib/context';
import type { Figure } from '../lib/figures';

/**
 * One benchmark scenario: a small module with a stated contract (which page,
 * which action, which "done" signal). run() returns its figures; anything it
 * could not measure is a figure with value null and the reason.
 */
export interface Scenario {
	id: string;
	title: string;
	contract: string;
	run(ctx: BenchContext): Promise<{ figures: Figure[]; notes?: string[] }>;
}
