import type { Figure, ScenarioResult } from './figures';

export interface RunInfo {
	date: string;
	mode: 'quick' | 'full';
	machine: string;
	cpus: number;
	load: string;
	versions: Record<string, string>;
	seconds: number;
}

function digits(f: Figure, v: number): number {
	if (f.unit === 'count') return 0;
	if (f.unit === '×') return 2;
	return Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
}

function num(f: Figure, v: number): string {
	const d = digits(f, v);
	return v.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
}

function cell(f: Figure | undefined): string {
	if (!f) return '';
	if (f.value === null) return '—';
	const unit = f.unit === 'count' ? '' : f.unit === '×' ? '×' : ` ${f.unit}`;
	const p = f.p95 !== undefined ? ` (p95 ${num(f, f.p95)})` : '';
	return `${num(f, f.value)}${unit}${p}${f.note ? ' ⚠' : ''}`;
}

interface Grid {
	title: string | undefined;
	rows: string[][];
}

/** A scenario's tables, each a grid with rows and columns in the order they were reported. */
function grids(r: ScenarioResult): Grid[] {
	return [...new Set(r.figures.map((f) => f.table))].map((title) => {
		const figures = r.figures.filter((f) => f.table === title);
		const rows = [...new Set(figures.map((f) => f.row))];
		const cols = [...new Set(figures.map((f) => f.col))];
		const at = new Map(figures.map((f) => [`${f.row}|${f.col}`, f]));
		return {
			title,
			rows: [
				['', ...cols],
				...rows.map((row) => [row, ...cols.map((c) => cell(at.get(`${row}|${c}`)))])
			]
		};
	});
}

/** Reasons for missing figures and caveats, deduplicated, for under the tables. */
function footnotes(r: ScenarioResult): string[] {
	const reasons = new Map<string, string[]>();
	for (const f of r.figures)
		if (f.note) reasons.set(f.note, [...(reasons.get(f.note) ?? []), `${f.row} / ${f.col}`]);
	const where = (w: string[]) =>
		w.length > 2 ? `${w.slice(0, 2).join('; ')} and ${w.length - 2} more` : w.join('; ');
	return [...[...reasons].map(([note, w]) => `${where(w)}: ${note}`), ...r.notes];
}

function header(info: RunInfo): string[] {
	return [
		`${info.date} · ${info.mode} run · ${info.seconds.toFixed(0)} s`,
		`machine: ${info.machine}, ${info.cpus} CPUs; load ${info.load}`,
		Object.entries(info.versions)
			.map(([k, v]) => `${k} ${v}`)
			.join(' · ')
	];
}

export function textReport(info: RunInfo, results: ScenarioResult[]): string {
	const out = header(info);
	for (const r of results) {
		out.push('', `■ ${r.title}`);
		for (const g of grids(r)) {
			if (g.title) out.push(`  ${g.title}`);
			const widths = g.rows[0]!.map((_, i) => Math.max(...g.rows.map((row) => row[i]!.length)));
			for (const [i, row] of g.rows.entries()) {
				out.push(row.map((c, j) => (j ? c.padStart(widths[j]!) : c.padEnd(widths[j]!))).join('  '));
				if (i === 0) out.push(widths.map((w) => '─'.repeat(w)).join('  '));
			}
		}
		for (const n of footnotes(r)) out.push(`  · ${n}`);
	}
	return out.join('\n');
}

export function markdownReport(info: RunInfo, results: ScenarioResult[]): string {
	const out = [`# Raqib benchmark (${info.mode})`, '', ...header(info).map((l) => `- ${l}`)];
	for (const r of results) {
		out.push('', `## ${r.title}`, '', `_${r.contract}_`, '');
		for (const g of grids(r)) {
			if (g.title) out.push(`**${g.title}**`, '');
			const [head, ...body] = g.rows;
			out.push(
				`| ${head!.join(' | ')} |`,
				`|${head!.map((_, i) => (i ? '---:' : '---')).join('|')}|`
			);
			for (const row of body) out.push(`| ${row.join(' | ')} |`);
			out.push('');
		}
		out.push(...footnotes(r).map((n) => `- ${n}`));
	}
	return out.join('\n') + '\n';
}
