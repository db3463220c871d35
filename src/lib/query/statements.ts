/** One statement of a script, with where it sits in the script (for error positions). */
export interface Statement {
	text: string;
	/** Offset of `text`'s first character in the script. */
	from: number;
}

/**
 * Split a script on top-level `;`, as DuckDB's parser would: semicolons inside
 * '…' strings, "…" identifiers, $tag$…$tag$ bodies, -- line comments and
 * nested /* block comments *\/ do not end a statement. Statements holding only
 * whitespace and comments are dropped.
 */
export function splitStatements(script: string): Statement[] {
	const out: Statement[] = [];
	let start = 0;
	let i = 0;
	const push = (end: number) => {
		const raw = script.slice(start, end);
		const lead = raw.length - raw.trimStart().length;
		const text = raw.trim();
		if (hasCode(text)) out.push({ text, from: start + lead });
	};
	while (i < script.length) {
		const c = script[i]!;
		if (c === "'" || c === '"') i = skipQuoted(script, i, c);
		else if (c === '-' && script[i + 1] === '-') i = skipLine(script, i);
		else if (c === '/' && script[i + 1] === '*') i = skipBlock(script, i);
		else if (c === '$') i = skipDollar(script, i);
		else if (c === ';') {
			push(i);
			start = ++i;
		} else i++;
	}
	push(script.length);
	return out;
}

/** True when a statement holds something other than whitespace and comments. */
function hasCode(text: string): boolean {
	let i = 0;
	while (i < text.length) {
		const c = text[i]!;
		if (/\s/.test(c)) i++;
		else if (c === '-' && text[i + 1] === '-') i = skipLine(text, i);
		else if (c === '/' && text[i + 1] === '*') i = skipBlock(text, i);
		else return true;
	}
	return false;
}

/** Past a quoted run starting at `i`; a doubled quote stays inside. */
function skipQuoted(s: string, i: number, q: string): number {
	let j = i + 1;
	while (j < s.length) {
		if (s[j] === q) {
			if (s[j + 1] === q) j += 2;
			else return j + 1;
		} else j++;
	}
	return s.length;
}

function skipLine(s: string, i: number): number {
	const end = s.indexOf('\n', i);
	return end < 0 ? s.length : end + 1;
}

/** Past a block comment; DuckDB (like PostgreSQL) lets them nest. */
function skipBlock(s: string, i: number): number {
	let depth = 0;
	let j = i;
	while (j < s.length) {
		if (s[j] === '/' && s[j + 1] === '*') {
			depth++;
			j += 2;
		} else if (s[j] === '*' && s[j + 1] === '/') {
			depth--;
			j += 2;
			if (depth === 0) return j;
		} else j++;
	}
	return s.length;
}

/** Past a $tag$…$tag$ string; a `$` that opens no tag (e.g. a `$1` parameter) is just a character. */
function skipDollar(s: string, i: number): number {
	const m = /^\$([A-Za-z_][A-Za-z_0-9]*)?\$/.exec(s.slice(i));
	if (!m) return i + 1;
	const tag = m[0];
	const end = s.indexOf(tag, i + tag.length);
	return end < 0 ? s.length : end + tag.length;
}

const READ_ONLY =
	/^(select|with|from|values|table|describe|show|summarize|explain|pivot|unpivot)\b/i;

/** Whether a statement only reads (so it may be re-run, described or shared safely). */
export function isReadOnly(text: string): boolean {
	return READ_ONLY.test(stripLeadingComments(text)) || stripLeadingComments(text).startsWith('(');
}

function stripLeadingComments(text: string): string {
	let t = text.trimStart();
	for (;;) {
		if (t.startsWith('--')) t = t.slice(skipLine(t, 0)).trimStart();
		else if (t.startsWith('/*')) t = t.slice(skipBlock(t, 0)).trimStart();
		else return t;
	}
}
