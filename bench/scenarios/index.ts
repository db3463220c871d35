import { bytesScenario } from './bytes';
import { generatorScenario } from './generator';
import { sideBySideScenario } from './side-by-side';
import { startScenario } from './start';
import type { Scenario } from './types';

/** Every scenario, in the order the run takes them. */
export const SCENARIOS: readonly Scenario[] = [
	generatorScenario,
	startScenario,
	bytesScenario,
	sideBySideScenario
];
