/**
 * Draw the app's install icons (static/icon-192.png, static/icon-512.png) from
 * static/icon.svg with Debian's Chromium. The icon is a full square (the mark
 * sits well inside the central 80 %), so it also serves as a "maskable" icon.
 * Run by hand after changing the SVG: node scripts/make-icons.js
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { ARGS, CHROMIUM } from '../tests/e2e/chromium.js';

const svg = readFileSync('static/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
	for (const size of [192, 512]) {
		const page = await browser.newPage({ viewport: { width: size, height: size } });
		await page.setContent(
			`<style>html,body{margin:0}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`
		);
		await page.screenshot({ path: `static/icon-${size}.png` });
		await page.close();
	}
} finally {
	await browser.close();
}
console.log('wrote static/icon-192.png and static/icon-512.png');
