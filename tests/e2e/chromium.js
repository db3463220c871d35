/** Make sure Debian's Chromium is installed; never download a browser build. */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** Command-line flags for headless runs (the end-to-end tests and the benchmark). */
export const ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** pdftotext (Debian's poppler-utils) reads the brief's PDF in the end-to-end tests. */
export const PDFTOTEXT = '/usr/bin/pdftotext';

export function ensureChromium() {
	if (existsSync(CHROMIUM) && existsSync(PDFTOTEXT)) return CHROMIUM;
	if (process.getuid?.() !== 0)
		throw new Error(
			`${CHROMIUM} or pdftotext is missing: run 'sudo apt-get install -y chromium poppler-utils' and try again.`
		);
	console.log(
		'Installing Debian chromium and poppler-utils (apt-get install -y chromium poppler-utils)…'
	);
	execSync(
		'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils',
		{
			stdio: 'inherit'
		}
	);
	if (!existsSync(CHROMIUM)) throw new Error(`apt-get finished but ${CHROMIUM} is still missing`);
	return CHROMIUM;
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
