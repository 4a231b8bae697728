import { readFileSync } from 'node:fs';
import { createDecipheriv } from 'node:crypto';

/**
 * Decrypt every page of a SQLCipher v4 database file (raw 256-bit key, 4096-byte pages, 80 reserved
 * bytes per page: 16-byte IV then the HMAC; page 1 starts after the 16-byte salt) so a test can look
 * at what is really on disk, free pages and freed cells included.
 */
export function decryptPages(file: string, key: Buffer): Buffer {
  const bytes = readFileSync(file);
  const pageSize = 4096;
  const reserve = 80;
  const out: Buffer[] = [];
  for (let off = 0; off + pageSize <= bytes.length; off += pageSize) {
    const page = bytes.subarray(off, off + pageSize);
    const iv = page.subarray(pageSize - reserve, pageSize - reserve + 16);
    const d = createDecipheriv('aes-256-cbc', key, iv);
    d.setAutoPadding(false);
    out.push(Buffer.concat([d.update(page.subarray(off === 0 ? 16 : 0, pageSize - reserve)), d.final()]));
  }
  return Buffer.concat(out);
}

export function containsText(bytes: Buffer, text: string): boolean {
  return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'));
}
