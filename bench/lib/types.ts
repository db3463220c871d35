import type { AggregateName, Checksum } from './aggregates';

/** Where an engine's incidents come from: a generated CSV, or SQL that generates them in place. */
export type Source = { csv: string; url: string } | { sql: string };

/** One timed run of one aggregate, and its answer's checksum. */
export interface QueryRun {
	ms: number;
	check: Checksum;
}

/** An engine in the side-by-side: load the data once, then run aggregates on demand. */
export interface EngineHandle {
	col: string;
	/** Load `source` as the table incidents; ms from data in hand to table ready, and the memory it holds. */
	load(source: Source): Promise<{ loadMs: number; memoryMB: number | null }>;
	query(name: AggregateName): Promise<QueryRun>;
	close(): Promise<void>;
}
