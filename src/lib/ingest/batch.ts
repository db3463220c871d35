/** What the readers share: parsed batches, the validator's signature, and the failure they throw. */
import type { TableName } from '$lib/schema/tables';
import type { ValidationContext } from './context';
import type { Issue, ParseFailure } from './types';

/** The shared row validator (`validateTable` of ./validate.ts); passed in so tests can stub it. */
export type Validate = (
	kind: TableName,
	header: string[],
	rows: string[][],
	ctx: ValidationContext
) => Issue[];

export class Failure extends Error {
	constructor(readonly failure: ParseFailure) {
		super(failure.code);
	}
}

/** Records parsed from one piece of text, the spreadsheet row of the first, and bytes read so far. */
export type Batch = {
	rows: string[][];
	first: number;
	bytesRead: number;
	/** The row the file ends in the middle of (inside its quotes), if it does. */
	truncated?: number;
};
