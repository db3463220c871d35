import Papa from 'papaparse';

/** The delimiters Raqib recognises; Excel writes ';' where the decimal separator is ','. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];
export type Linebreak = '\n' | '\r\n' | '\r';

export interface Dialect {
	delimiter: Delimiter;
	linebreak: Linebreak;
}

/**
 * Delimiter and line break from the start of the decoded text. Each candidate
 * splits the first rows (quotes respected, by PapaParse); the one giving the
 * header more than one field and the most rows with the header's field count
 * wins, then the one with more fields. A one-column file falls back to ','.
 * (PapaParse's own guesser needs several data rows and misreads short files.)
 */
export function detectDialect(sample: string): Dialect {
	let best = { delimiter: ',' as Delimiter, score: 0, fields: 0 };
	let linebreak: Linebreak = '\n';
	for (const delimiter of DELIMITERS) {
		const result = Papa.parse<string[]>(sample, { delimiter, preview: 50, skipEmptyLines: true });
		linebreak =
			(['\r\n', '\n', '\r'] as const).find((l) => l === result.meta.linebreak) ?? linebreak;
		// The sample may end inside a row: judge by the complete ones.
		const rows = result.data.length > 1 ? result.data.slice(0, -1) : result.data;
		const fields = rows[0]?.length ?? 0;
		if (fields < 2) continue;
		const score = rows.filter((r) => r.length === fields).length / rows.length;
		if (score > best.score || (score === best.score && fields > best.fields))
			best = { delimiter, score, fields };
	}
	return { delimiter: best.delimiter, linebreak };
}
