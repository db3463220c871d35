/**
 * `npm test`: every suite in order, then one closing line `N passed, N failed`.
 * Type checks, lint and the data validator count as one test each; Vitest's
 * JSON reports give the unit and end-to-end counts. A failing step does not
 * stop the later ones, so one run shows everything that is wrong. The total
 * duration is printed just before that line (an idle 2-core machine should
 * take under 15 minutes).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const started = Date.now();
mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;

/** @param {string} cmd @param {string[]} args */
function run(cmd, args) {
	console.log(`\n▶ ${cmd} ${args.join(' ')}`);
	return (
		spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } }).status ===
		0
	);
}

/** @param {string} name @param {boolean} ok */
function step(name, ok) {
	if (ok) passed++;
	else failed++;
	console.log(`${ok ? '✓' : '✗'} ${name}`);
}

/** @param {string} name @param {string} config @param {string} out @param {boolean} runnable */
function vitest(name, config, out, runnable) {
	rmSync(out, { force: true });
	const ok =
		runnable &&
		run('npx', [
			'vitest',
			'run',
			'--config',
			config,
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${out}`
		]);
	if (!existsSync(out)) return step(`${name} (no report)`, false);
	const report = JSON.parse(readFileSync(out, 'utf8'));
	passed += report.numPassedTests;
	failed += report.numFailedTests;
	// A suite that fails to load has no failed tests but still failed.
	if (!ok && report.numFailedTests === 0) failed++;
	console.log(`${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}

step('svelte-check', run('npm', ['run', '--silent', 'check']));
step('lint (prettier + eslint)', run('npm', ['run', '--silent', 'lint']));
step('validate:data', run('npm', ['run', '--silent', 'validate:data']));
vitest('unit', 'vite.config.ts', 'test-results/unit.json', true);
const built = run('npm', ['run', '--silent', 'build']);
step('build', built);
vitest('e2e', 'vitest.e2e.config.ts', 'test-results/e2e.json', built);

const seconds = Math.round((Date.now() - started) / 1000);
console.log(`\ntotal duration: ${Math.floor(seconds / 60)} min ${seconds % 60} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
