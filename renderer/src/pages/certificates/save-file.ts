import type { ExportedCertificate } from '../../../../electron/contract/channels';

/**
 * Hands an exported file to the person: a download in browser mode; in the desktop shell the same
 * download opens Electron's native "Save as" dialog.
 */
export function saveExportedFile(file: ExportedCertificate): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the data goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A chosen file as base64, for `certificates.check`. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let start = 0; start < bytes.length; start += chunk) {
    binary += String.fromCharCode(...bytes.subarray(start, start + chunk));
  }
  return btoa(binary);
}
