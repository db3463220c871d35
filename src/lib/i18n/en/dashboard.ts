/** English messages of the dashboard page. Keys start with 'dashboard.'. */
export const dashboard = {
	'dashboard.title': 'Dashboard'
} as const;
