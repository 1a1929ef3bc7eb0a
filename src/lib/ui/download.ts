/** Saves text as a file through a temporary object URL (no server round trip). */
export function downloadText(name: string, mime: string, text: string | Uint8Array): void {
  const url = URL.createObjectURL(new Blob([text as BlobPart], { type: mime }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Saves a Blob as a file (exports built in chunks, see analysis/table-stream.ts). */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
