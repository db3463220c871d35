import { defineConfig } from 'vitest/config';

/** End-to-end tests: real Chromium against build/, one file at a time (2 cores). */
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 120_000
	}
});
