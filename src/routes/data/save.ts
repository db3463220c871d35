/** Hand a file to the browser's download (a blob: URL on our own origin; nothing is uploaded). */
export function saveFile(data: BlobPart, name: string, type = 'text/csv'): void {
	const url = URL.createObjectURL(new Blob([data], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
