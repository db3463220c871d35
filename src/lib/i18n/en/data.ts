/** English messages of the data page. Keys start with 'data.'. */
export const data = {
	'data.title': 'Data'
} as const;
