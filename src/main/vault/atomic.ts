import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { fsyncDir } from '../core/durable';

/**
 * Write a small file beside the vault so that it is either the old or the new version after a crash
 * or a power cut (0600): the temporary file is fsynced, renamed, and the folder fsynced so the rename
 * itself is on disk. A cut before the rename leaves `<path>.tmp-<hex>`, which start-up recovery removes.
 */
export function writeFileAtomicBytes(path: string, bytes: Buffer): void {
  const tmp = `${path}.tmp-${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, bytes, { mode: 0o600 });
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}
