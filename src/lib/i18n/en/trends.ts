/** English messages of the "What changed" panel, the A/B comparison, saved views and the brief. */
export const trends = {
	'trends.title': 'What changed',
	'trends.period': 'Period',
	'trends.period.week': 'Week',
	'trends.period.month': 'Month',
	'trends.reference': 'Reference {period}',
	'trends.latest': 'Latest complete',
	'trends.summary':
		'{label} ({from} to {to}) against the average of the {n} {periods} before it ({baseFrom} to {baseTo}).',
	'trends.summary.auto':
		'The latest complete {period} of the data: the newest matching event is on {newest}.',
	'trends.summary.picked': 'A {period} you picked.',
	'trends.summary.incomplete':
		'This {period} ends after the newest matching event ({newest}): it may be incomplete, so a decrease may not be real.',
	'trends.summary.partial':
		'The data begins on {first}: only {covered} of the {n} baseline {periods} are covered, so the baseline averages those.',
	'trends.summary.none':
		'The data begins on {first}, with this {period}: there is no baseline to compare with.',
	'trends.periods.week': 'weeks',
	'trends.periods.month': 'months',
	'trends.nothing': 'No incidents match these filters, so there is no period to compare.',
	'trends.empty': 'Nothing in this {period} or its baseline.',
	'trends.error': 'The comparison could not be computed.',
	'trends.dim.actor': 'Actors',
	'trends.dim.target': 'Targets',
	'trends.dim.place': 'Places',
	'trends.dim.admin1': 'Governorates',
	'trends.dim.weapon': 'Weapons',
	'trends.col.name': 'Name',
	'trends.col.now': 'Now',
	'trends.col.baseline': 'Baseline (avg)',
	'trends.col.change': 'Change',
	'trends.col.level': 'Level',
	'trends.level.new': 'new',
	'trends.level.sharp': 'sharp increase',
	'trends.level.increase': 'increase',
	'trends.level.steady': 'steady',
	'trends.level.decrease': 'decrease',
	'trends.level.no-baseline': 'no baseline',
	'trends.unknown': '(unknown)',
	'trends.showAll': 'Show all {count}',
	'trends.showFewer': 'Show fewer',
	'trends.rowFilter': 'Filter the dashboard to {name}',
	'trends.help.title': 'How the levels are decided',
	'trends.help.intro':
		'Counts use the current filters except the date range: the periods set the dates. The baseline is the average of the {n} periods before the reference period; periods before the data begins are left out of the average.',
	'trends.help.new': 'new: at least one event now and none in the {weeks} weeks before the period.',
	'trends.help.sharp':
		'sharp increase: now at least {factor} × the baseline and at least {min} events.',
	'trends.help.increase':
		'increase / decrease: now more / less than the baseline by over {share} % of it.',
	'trends.help.steady': 'steady: now within ± {share} % of the baseline.',
	'trends.help.noBaseline': 'no baseline: the data begins with the reference period.',
	'trends.emerging.title': 'First seen in this {period}',
	'trends.emerging.none': 'No actor or place appears for the first time in this {period}.',
	'trends.emerging.actor': 'actor',
	'trends.emerging.place': 'place',
	'trends.emerging.firstSeen': 'first seen {date}',
	'trends.emerging.filter': 'Show only incidents new in this {period}',
	'trends.emerging.help':
		'First seen = the first event of that actor or place anywhere in the data (attacks, or all events when counting all events).',
	'trends.filter.new': 'New in this period (actor or place first seen on or after From)'
} as const;
