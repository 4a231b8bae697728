import { readFileSync } from 'node:fs';
import { AppError } from '../core/errors';

/** Thrown for a wrong command line: printed to stderr with the usage, exit 2. */
export class UsageError extends Error {}

export function readPassphraseFile(path: string | undefined): string {
  if (!path) throw new UsageError('--passphrase-file mangler.');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new AppError('IO_ERROR', `Filen med adgangskoden kan ikke læses: ${path}`);
  }
  // One trailing line break is the file's, not the passphrase's.
  return text.replace(/\r?\n$/, '');
}

export function requireArg(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} mangler.`);
  return value;
}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}
