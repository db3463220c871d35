/**
 * The UI contracts the dashboard, upload and SQL scenarios rely on, in one
 * place: when a page changes its markup, this is the file to edit. Each is
 * what a user sees or does, expressed as a Playwright locator or a selector.
 */
export const UI = {
	dashboard: {
		path: '/',
		/** A chart of the dashboard: ChartFrame's section, whose last svg is the Plot. */
		chart: 'main [data-chart]',
		/** The bars one clicks to filter, in the chart named here (first chart if absent). */
		filterChart: 'main [data-chart="actors"]',
		bar: 'svg [aria-label="bar"] rect',
		/** Anything still loading; "done" needs none of these left. */
		busy: 'main [aria-busy="true"]',
		/** No DOM change in main for this long means everything has been redrawn. */
		quietMs: 300
	},
	/** The Mosaic peer (bench/page/mosaic.html): the same panels in vgplot, the same click. */
	mosaic: {
		path: '/mosaic.html',
		chart: '[data-chart]',
		filterChart: '[data-chart="actors"]',
		bar: 'svg [aria-label="bar"] rect',
		/** Mosaic marks nothing as busy: "done" is the DOM quiet alone (the same quiet period as on `/`). */
		busy: '[aria-busy="true"]',
		quietMs: 300
	},
	upload: {
		path: '/data',
		/** The file input's accessible name. */
		input: 'Upload CSV',
		/** The card of one upload, with its phase (review, applied, …). */
		review: 'article[data-phase="review"]',
		/** The upload mode chosen when offered: exactly the generated rows, no real ones mixed in. */
		replace: 'Replace the whole table with this file',
		/** The choice that adds the actors, targets and places an upload names as new entries. */
		acceptNew: '[data-unknown] input[type="checkbox"]',
		/** The button that applies a reviewed upload (its name depends on the table: Apply / Create). */
		apply: 'article[data-phase="review"] .actions button',
		/** Shown once the rows are in the table and queryable. */
		done: '[data-applied]',
		failed: 'article [role="alert"]',
		/** The list of problems found in a rejected file. */
		issues: '[data-issues]'
	},
	sql: {
		path: '/sql',
		/** The CodeMirror editor's accessible name. */
		editor: 'SQL',
		run: 'Run',
		/** The result's row count, written after every statement. */
		rowCount: '[data-row-count]',
		error: 'main [role="alert"]'
	}
} as const;
