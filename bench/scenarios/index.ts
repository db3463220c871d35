import { bytesScenario } from './bytes';
import { dashboardScenario } from './dashboard';
import { generatorScenario } from './generator';
import { mosaicScenario } from './mosaic';
import { sideBySideScenario } from './side-by-side';
import { sqlConsoleScenario } from './sql-console';
import { startScenario } from './start';
import type { Scenario } from './types';
import { acledUploadScenario, uploadScenario } from './upload';

/** Every scenario, in the order the run takes them. */
export const SCENARIOS: readonly Scenario[] = [
	generatorScenario,
	startScenario,
	bytesScenario,
	sideBySideScenario,
	dashboardScenario,
	mosaicScenario,
	uploadScenario,
	acledUploadScenario,
	sqlConsoleScenario
];
