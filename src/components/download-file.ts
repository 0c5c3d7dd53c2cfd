/**
 * Saving generated text as a file the person downloads: a Blob URL on a temporary link with
 * `download`, revoked once the browser has taken it. Works offline and under the
 * Content-Security-Policy (no data: URL, no new window).
 */
export function downloadFile(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download asynchronously; revoking at once can cancel it in some browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
