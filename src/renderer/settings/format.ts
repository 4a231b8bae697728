import { getLocale } from '../core/i18n';

/** A file size for people: "834 kB", "1,2 MB". */
export function formatBytes(bytes: number): string {
  const locale = getLocale() === 'da' ? 'da-DK' : 'en-GB';
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** Hand `text` to the user as a file download (Blob + <a download>), then drop the object URL. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; revoke on the next task so nothing of it stays.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
