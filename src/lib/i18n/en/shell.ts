/** English messages of the app shell (header, boot, footer). */
export const shell = {
	'app.name': 'Raqib',
	'app.tagline': 'Attacks in Deir ez-Zor, eastern Syria, counted from the source reports',
	'nav.label': 'Main',
	'nav.dashboard': 'Dashboard',
	'nav.sql': 'SQL',
	'nav.data': 'Data',
	'nav.skip': 'Skip to content',
	'boot.download': 'Downloading the query engine… {loaded}',
	'boot.start': 'Starting the query engine…',
	'boot.tables': 'Loading the incident tables…',
	'boot.failed': 'The query engine could not start.',
	'boot.webassembly':
		'This browser cannot run WebAssembly, which Raqib needs to query the data in your browser. Use a current version of Firefox, Chrome, Edge or Safari, and check that WebAssembly is not disabled by policy.',
	'boot.worker':
		'This browser does not allow Web Workers, which Raqib needs to query the data without freezing the page.',
	'boot.detail': 'Details',
	'boot.retry': 'Try again',
	'footer.dataset': 'Dataset',
	'footer.incidents': 'Incidents',
	'footer.reports': 'Source reports',
	'footer.range': 'Date range',
	'footer.changed': 'Last changed',
	'footer.offline': 'Runs entirely in your browser: nothing you load or type leaves this machine.',
	'update.available': 'A new version is available —',
	'update.reload': 'reload',
	'update.afterUpload': 'after your upload is saved or cancelled',
	'update.offlineFailed': 'Raqib could not be set up to work offline: {error}',
	'common.loading': 'Loading…',
	'common.none': '—'
} as const;
