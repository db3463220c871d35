/**
 * Cells an incidents upload in Raqib's layout may leave empty that follow from
 * others, filled before validation (never overwriting a written value):
 * incident_id ⇄ event_id_cnty (the same id), year from an ISO event_date, and
 * dataset (OWN_CODING_DATASET when the file names none). Source of the rules:
 * data/README.md, "incidents.csv".
 */
import { OWN_CODING_DATASET } from '../schema/tables';

const ISO = /^(\d{4})-\d{2}-\d{2}$/;

/**
 * Fill, in place, the derivable empty cells of one incidents record laid out
 * as `columns`; `dataset` names an import (default OWN_CODING_DATASET).
 */
export function fillDerived(
	record: string[],
	at: DerivedColumns,
	dataset: string = OWN_CODING_DATASET
): void {
	const { id, cnty, date, year } = at;
	if (id >= 0 && cnty >= 0) {
		if (record[id] === '' && record[cnty] !== '') record[id] = record[cnty]!;
		else if (record[cnty] === '' && record[id] !== '') record[cnty] = record[id]!;
	}
	if (year >= 0 && date >= 0 && record[year] === '') {
		const m = ISO.exec(record[date]!.trim());
		if (m) record[year] = m[1]!;
	}
	if (at.dataset >= 0 && record[at.dataset] === '') record[at.dataset] = dataset;
}

/** Positions of the columns fillDerived reads and writes (-1 when absent). */
export interface DerivedColumns {
	id: number;
	cnty: number;
	date: number;
	year: number;
	dataset: number;
}

export function derivedColumns(columns: readonly string[]): DerivedColumns {
	return {
		id: columns.indexOf('incident_id'),
		cnty: columns.indexOf('event_id_cnty'),
		date: columns.indexOf('event_date'),
		year: columns.indexOf('year'),
		dataset: columns.indexOf('dataset')
	};
}
