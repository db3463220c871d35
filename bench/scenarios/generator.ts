import { sizeLabel } from '../lib/context';
import { measured } from '../lib/figures';
import type { Scenario } from './types';

export const generatorScenario: Scenario = {
	id: 'generator',
	title: 'Synthetic data generator (npm run gen)',
	contract:
		'Writing each CSV the run needs (seeded; ids SYN-…; streamed to disk), timed in this Node process before the servers start.',
	async run(ctx) {
		const figures = [...ctx.csvs.values()].flatMap((c) => [
			measured(sizeLabel(c.rows), 'size', 'MB', c.bytes / 1e6),
			measured(sizeLabel(c.rows), 'time', 's', c.seconds),
			measured(sizeLabel(c.rows), 'speed', 'rows/s', c.rows / c.seconds)
		]);
		return { figures };
	}
};
