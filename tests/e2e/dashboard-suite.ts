import { afterAll, afterEach, beforeAll } from 'vitest';
import { closeAndCheck, type App } from './browser';
import { recount, type Recount } from './dashboard-recount';

/**
 * The shared frame of a test file that recounts the dashboard: the native
 * recount (opened once for the file) and the current test's app, closed and
 * checked for foreign requests and page errors after each test.
 */
export function dashboardSuite(): { rc: Recount; app: App | undefined } {
	const suite = { rc: undefined as unknown as Recount, app: undefined as App | undefined };
	beforeAll(async () => {
		suite.rc = await recount();
	});
	afterAll(() => suite.rc.close());
	afterEach(async () => {
		const current = suite.app;
		suite.app = undefined;
		await closeAndCheck(current);
	});
	return suite;
}
