/** English messages of the data page. Keys start with 'data.'. */
export const data = {
	'data.title': 'Data',
	'data.lead':
		'Bring in new or corrected incidents, or any CSV to explore with SQL. Files are read in this browser and kept in its storage; nothing is sent anywhere.',
	'data.upload.heading': 'Upload',
	'data.upload.label': 'Upload CSV',
	'data.upload.drop': 'Drop CSV files here, or',
	'data.upload.pick': 'choose files',
	'data.upload.hint':
		'Incident, place, actor, target and report tables are recognised by their header (ACLED column names too) and merged after checking every row. Any other CSV becomes a new table for the SQL console.',
	'data.job.dismiss': 'Close',
	'data.job.cancel': 'Cancel',
	'data.job.retry': 'Read again',
	'data.job.parsing': 'Reading {bytes} of {total} · {rows} rows',
	'data.job.staging': 'Loading into the query engine…',
	'data.job.applying': 'Applying…',
	'data.job.cancelled': 'Cancelled. Nothing was changed.',
	'data.job.applied.rows': 'Applied to {table} (rows in the file: {rows}).',
	'data.job.applied.table': 'Created table {table} (rows: {rows}). Query it from the SQL page.',
	'data.fail.empty': '{file} is empty.',
	'data.fail.binary':
		'{file} is not a text file (it looks like an image, spreadsheet or other binary file). Save it as CSV and try again.',
	'data.fail.nul':
		'{file} is not a text file: it has a NUL byte at byte {offset} (row {row}). Save it as CSV text and try again.',
	'data.fail.no-rows': '{file} has a header but no rows.',
	'data.fail.duplicate-header':
		'{file}: the header names column "{column}" more than once (columns {detail}). Rename one of them.',
	'data.fail.decode':
		'{file} is not valid {encoding} (near byte {offset}). Choose its encoding below and read it again.',
	'data.fail.row-too-long':
		'{file}, row {row}: the row is longer than 8 MB. This is not a CSV table, or a line break is missing.',
	'data.fail.unterminated-quote':
		'{file}, row {row}: a quoted field starts here and is never closed (a missing ").',
	'data.fail.malformed-quote':
		'{file}, row {row}: a quoted field has text after its closing quote. Inside quotes, write a quote as "".',
	'data.fail.cancelled': 'Cancelled.',
	'data.fail.internal': '{file} could not be read: {detail}',
	'data.error.stage': 'The query engine could not load {file}: {detail}',
	'data.error.apply': 'Nothing was changed: {detail}',
	'data.error.count':
		'Nothing was changed: {file} has {parsed} rows, but the query engine read {stored}. The file was not loaded.',
	'data.error.exact':
		'Nothing was changed: storing {file} would change values ({count} in all), first {examples}. Fix them in the file and upload it again.',
	'data.error.quota':
		'Nothing was changed: the browser has no storage space left to keep this upload. Remove saved uploads or free disk space, then apply again.',
	'data.note.sep':
		'The first line, {value}, names the delimiter (as Excel writes it): it was honoured and skipped.',
	'data.note.blank-before-header':
		'{count} blank lines before the header were skipped; the header is row {row}.',
	'data.note.blank-lines': '{count} blank or whitespace-only lines between rows were skipped.',
	'data.note.mixed-endings':
		'The file mixes line endings ({value}); each was read as a line break, and no value keeps one.',
	'data.note.detected':
		'Recognised as {table} because the header has {value}. Change “Load as” if that is wrong.',
	'data.note.encoding-late':
		'Byte {byte} is not valid UTF-8, so the whole file was read as {value}. Change “Encoding” if that is wrong.',
	'data.note.delimiter-disagrees':
		'{count} rows, from row {row}, do not split into the header’s columns with the delimiter {value}. Choose another delimiter if that is wrong.',
	'data.noop':
		'Nothing to change: every row is already in {table} exactly as in this file. The upload is not applied or saved.',
	'data.value.change': 'row {row} {column} “{value}” → {stored}',
	'data.value.unfit': 'row {row} {column} “{value}” does not fit',
	'data.table.changes':
		'Refused: {type} would change values of {column} ({count} in all), first {examples}. Keep the proposed type, or VARCHAR.',
	'data.facts.encoding': 'Encoding',
	'data.facts.delimiter': 'Delimiter',
	'data.facts.kind': 'Load as',
	'data.facts.rows': 'rows: {rows}',
	'data.delimiter.comma': 'comma',
	'data.delimiter.semicolon': 'semicolon',
	'data.delimiter.tab': 'tab',
	'data.delimiter.pipe': 'pipe',
	'data.kind.incidents': 'incidents (merge)',
	'data.kind.places': 'places (merge)',
	'data.kind.actors': 'actors (merge)',
	'data.kind.targets': 'targets (merge)',
	'data.kind.reports': 'reports (merge)',
	'data.kind.table': 'a new table',
	'data.mapping.heading': 'Columns',
	'data.mapping.file': 'In the file',
	'data.mapping.table': 'Goes to',
	'data.mapping.drop': '(not loaded)',
	'data.mapping.keep': '(keep in table {table})',
	'data.mapping.dropped': '{count} columns of the file are not loaded: {names}.',
	'data.mapping.missing': 'Missing from the file: {names}.',
	'data.issues.heading': 'Problems',
	'data.issues.summary': '{errors} errors, {warnings} warnings',
	'data.issues.shown': 'The first {shown} are listed.',
	'data.issues.row': 'Row',
	'data.issues.column': 'Column',
	'data.issues.value': 'Value',
	'data.issues.problem': 'Problem',
	'data.issues.download': 'Download the problems as CSV',
	'data.issues.blocking':
		'Fix the errors in the file and upload it again; nothing has been changed.',
	'data.unknown.heading': 'Not yet in the companion tables',
	'data.unknown.actors': 'Actors',
	'data.unknown.targets': 'Targets',
	'data.unknown.places': 'Places',
	'data.unknown.reports': 'Reports',
	'data.unknown.accept': 'Add them as new entries ({count})',
	'data.unknown.hint': 'Or fix the spelling in the file and upload it again.',
	'data.preview.heading': 'First rows as they will be stored',
	'data.diff.heading': 'Compared with the current table',
	'data.diff.added': 'added',
	'data.diff.updated': 'updated',
	'data.diff.unchanged': 'unchanged',
	'data.diff.removed': 'removed',
	'data.mode.upsert': 'Merge by id: add new rows, replace rows with the same id',
	'data.mode.replace': 'Replace the whole table with this file',
	'data.apply': 'Apply',
	'data.table.name': 'Table name',
	'data.table.types':
		'Column types (chosen over every value, so that none changes; a type that would change a value is refused)',
	'data.table.column': 'Column',
	'data.table.type': 'Type',
	'data.table.clash': 'A table named {name} exists.',
	'data.table.reserved': '{name} is one of the app’s own tables; choose another name.',
	'data.table.replace': 'Replace it',
	'data.create': 'Create table',
	'data.saved.heading': 'Saved uploads',
	'data.saved.none': 'No uploads yet: the tables are as shipped.',
	'data.saved.intro':
		'Applied uploads are kept in this browser and re-applied, in this order, every time Raqib starts.',
	'data.saved.file': 'File',
	'data.saved.time': 'Applied',
	'data.saved.rows': 'Rows',
	'data.saved.mode': 'Into',
	'data.saved.remove': 'Remove',
	'data.saved.mode.upsert': '{table} (merged)',
	'data.saved.mode.replace': '{table} (replaced)',
	'data.saved.mode.create': 'new table {table}',
	'data.saved.problem': 'Could not re-apply {file}: {message}',
	'data.reset': 'Reset to shipped data',
	'data.reset.confirm':
		'Remove every saved upload and go back to the shipped tables? This cannot be undone.',
	'data.reset.yes': 'Yes, reset',
	'data.reset.no': 'Keep my uploads',
	'data.download.heading': 'Download',
	'data.download.intro':
		'The current tables, in exactly the format the upload accepts: edit and upload them back.',
	'data.download.table': '{table}.csv',
	'data.download.acled': 'Use ACLED column names (event_id_cnty, location, source)',
	'data.download.template': 'Blank incidents template',
	'data.download.codebook': 'Codebook: what every column means',
	'data.codebook.title': 'Codebook',
	'data.codebook.intro':
		'What every table and column means and which values are allowed (data/README.md, as shipped with this build).'
} as const;
