/** English messages of the sql page. Keys start with 'sql.'. */
export const sql = {
	'sql.title': 'SQL console'
} as const;
