import type { TestProject } from 'vitest/node';
import { serveBuild } from '../../scripts/server.js';
import { ensureChromium } from './chromium.js';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}

/** Serve the built app (with its real headers) once for every end-to-end file. */
export default async function setup(project: TestProject) {
	ensureChromium();
	const server = await serveBuild({ dir: 'build' });
	project.provide('baseURL', server.url);
	return () => server.close();
}
