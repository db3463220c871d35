/** Save bytes or text as a file through the browser's download, with a timestamped name. */
export function download(data: BlobPart, type: string, extension: string): void {
	const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
	const url = URL.createObjectURL(new Blob([data], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = `raqib-query-${stamp}.${extension}`;
	document.body.append(a);
	a.click();
	a.remove();
	// Give the download a moment to start before the URL goes away.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
