import type { HandoverFile } from '../../shared/handover';

/**
 * Files in and out of the Overdragelse area. Out: the bytes from main (base64) behind a temporary
 * <a download> (Chromium downloads it; Electron shows its save dialog). In: a chosen file read in
 * the renderer and sent to main as base64 (main never takes a path from the renderer).
 */
export function downloadBytes(file: Pick<HandoverFile, 'fileName' | 'mimeType' | 'base64'>): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadText(fileName: string, text: string): void {
  downloadBytes({ fileName, mimeType: 'text/plain;charset=utf-8', base64: btoa(String.fromCharCode(...new TextEncoder().encode(text))) });
}

/** A chosen file's bytes as base64. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
