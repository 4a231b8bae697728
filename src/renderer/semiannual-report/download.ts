import type { ReportFileOutput } from '../../shared/semiannual-report';

/**
 * Offer a file from main as a download: the bytes (base64) in a Blob behind a temporary
 * <a download>. Works in Chromium and in Electron (which shows its save dialog); no file system
 * access in the renderer.
 */
export function downloadFile(file: Pick<ReportFileOutput, 'fileName' | 'mimeType' | 'base64'>): void {
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
