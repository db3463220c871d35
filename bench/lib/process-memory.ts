import { readdirSync, readFileSync } from 'node:fs';

/** Linux only: each process's parent, and its command line. */
function processes(): Map<number, { ppid: number; cmdline: string }> {
	const out = new Map<number, { ppid: number; cmdline: string }>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
			out.set(Number(name), { ppid, cmdline });
		} catch {
			// the process ended while we looked
		}
	}
	return out;
}

/**
 * The peak resident memory (VmHWM, MB) of the largest renderer process of the
 * Chromium running on `profile`: the page's main thread and its workers
 * (DuckDB's included) live in that one process. null where /proc is absent.
 */
export function rendererPeakMB(profile: string): number | null {
	let all: Map<number, { ppid: number; cmdline: string }>;
	try {
		all = processes();
	} catch {
		return null;
	}
	const root = [...all].find(
		([, p]) => p.cmdline.includes(`--user-data-dir=${profile}`) && !p.cmdline.includes('--type=')
	)?.[0];
	if (root === undefined) return null;
	const descends = (pid: number): boolean => {
		for (let p = all.get(pid); p; p = all.get(p.ppid)) if (p.ppid === root) return true;
		return false;
	};
	let peak: number | null = null;
	for (const [pid, p] of all) {
		if (!p.cmdline.includes('--type=renderer') || !descends(pid)) continue;
		const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		if (m) peak = Math.max(peak ?? 0, Number(m[1]) / 1000);
	}
	return peak;
}
