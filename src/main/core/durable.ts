import { closeSync, fsyncSync, openSync, renameSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/**
 * Durable file operations. A power cut loses whatever the operating system has not written to the
 * disk yet: file data until the file is fsynced, and a create, rename or unlink until its folder is
 * fsynced. Everything the app relies on after a write goes through these.
 */

/**
 * Named steps of the multi-file operations (create, restore, passphrase change), so the kill tests
 * can stop the process at each one (tests/integration/steps-child.ts). Nothing observes them in the
 * app.
 */
let stepObserver: ((name: string) => void) | null = null;
export function observeSteps(observer: ((name: string) => void) | null): void {
  stepObserver = observer;
}
export function step(name: string): void {
  stepObserver?.(name);
}

/** fsync one file (or folder) by path. */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** fsync a folder, so that the creates, renames and unlinks in it survive a power cut. */
export function fsyncDir(dir: string): void {
  try {
    fsyncPath(dir);
  } catch (e) {
    // Some file systems (and Windows) refuse to open or fsync a folder; there is nothing more to do.
    const code = (e as { code?: string }).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw e;
  }
}

/** Write data to a new file and fsync it (not its folder: the caller renames it or calls fsyncDir). */
export function writeFileDurable(path: string, data: string | Uint8Array, mode = 0o600): void {
  const fd = openSync(path, 'w', mode);
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Rename and make the rename durable: fsync the target's folder (and the source's, if another). */
export function renameDurable(from: string, to: string): void {
  renameSync(from, to);
  fsyncDir(dirname(to));
  if (dirname(from) !== dirname(to)) fsyncDir(dirname(from));
}

/**
 * Write a file so that after a crash or a power cut it is either the old or the new version, and
 * once this returns, the new one: temporary file written and fsynced, renamed over, folder fsynced.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): void {
  const tmp = `${path}.tmp-${randomBytes(4).toString('hex')}`;
  writeFileDurable(tmp, data, mode);
  step(`atomic:${basename(path)}:written`);
  renameDurable(tmp, path);
}

/** fsync every file in a folder (not recursive), then the folder itself. */
export function fsyncTree(dir: string): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isFile()) fsyncPath(p);
  }
  fsyncDir(dir);
}
