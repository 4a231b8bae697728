/**
 * Files in and out of the renderer, without file system access: out, the bytes behind a temporary
 * <a download> (Chromium downloads them; Electron shows its save dialog), the object URL revoked
 * once the download has started; in, a chosen file read here and sent to main as base64 (main never
 * takes a path from the renderer).
 */

/** Offer a Blob as a download named `fileName`. */
export function downloadBlob(fileName: string, blob: Blob, revokeAfterMs = 60_000): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), revokeAfterMs);
}

/** A file from main (its bytes as base64) as a download. */
export function downloadFile(file: { fileName: string; mimeType: string; base64: string }): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  downloadBlob(file.fileName, new Blob([bytes], { type: file.mimeType }));
}

/**
 * Text as a download. The object URL is revoked on the next task: the click has started the
 * download, and nothing of the text (an audit extract, a colleague code) stays behind.
 */
export function downloadText(fileName: string, text: string, type = 'text/plain;charset=utf-8'): void {
  downloadBlob(fileName, new Blob([text], { type }), 0);
}

/** A chosen file's bytes as base64 (in slices: a spread of a large file would overflow the stack). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
