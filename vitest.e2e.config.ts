import { defineConfig } from 'vitest/config';

/** End-to-end tests: real Chromium against build/, one file at a time (2 cores). */
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 120_000,
		// expect.poll's own default (1 s) is tighter than a query on a busy 2-core machine: a poll
		// waits as long as the work may take, and returns as soon as the condition holds.
		expect: { poll: { timeout: 60_000, interval: 100 } }
	}
});
