/**
 * Hands a file to the person: a download in browser mode; in the desktop shell the same download
 * opens Electron's native "Save as" dialog. One place for certificates, reports, progress files,
 * the learning-records outbox and a lesson's canvas PDF.
 */
export function saveFile(content: BlobPart, mediaType: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the data goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file the core sent as base64 (an export channel's result). */
export function saveBase64File(file: { base64: string; mediaType: string; fileName: string }): void {
  saveFile(
    Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0)),
    file.mediaType,
    file.fileName,
  );
}

/** A chosen file as base64, for channels that take one (`certificates.check`). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let start = 0; start < bytes.length; start += chunk) {
    binary += String.fromCharCode(...bytes.subarray(start, start + chunk));
  }
  return btoa(binary);
}
