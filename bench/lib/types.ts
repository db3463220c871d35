import type { AggregateName, Checksum } from './aggregates';

/** One engine's timings (ms, after one warm-up run) of each aggregate, and its answer's checksum. */
export type AggregateTimings = Record<AggregateName, { ms: number[]; check: Checksum }>;
