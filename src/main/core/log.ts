import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The support log. Entries are an event name and a few codes or numbers: never names, CPR
 * numbers, note text or free text typed by a user. The type of `data` only admits numbers,
 * booleans and short identifiers, and strings are cut to keep free text out by construction.
 */
export type LogData = Record<string, number | boolean | string>;
export interface Logger {
  info(event: string, data?: LogData): void;
  warn(event: string, data?: LogData): void;
  error(event: string, data?: LogData): void;
}

export const nullLogger: Logger = { info() {}, warn() {}, error() {} };

const SAFE_VALUE = /^[A-Za-z0-9_.:-]{0,64}$/;

function sanitize(data: LogData | undefined): LogData | undefined {
  if (!data) return undefined;
  const out: LogData = {};
  for (const [k, v] of Object.entries(data)) {
    out[k] = typeof v === 'string' && !SAFE_VALUE.test(v) ? '[fjernet]' : v;
  }
  return out;
}

export function createFileLogger(dir: string, options: { maxBytes?: number; keep?: number; now?: () => Date } = {}): Logger {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = options.keep ?? 3;
  const now = options.now ?? (() => new Date());
  const file = join(dir, 'ssp-desk.log');
  mkdirSync(dir, { recursive: true });
  const rotate = () => {
    if (!existsSync(file) || statSync(file).size < maxBytes) return;
    rmSync(`${file}.${keep}`, { force: true });
    for (let i = keep - 1; i >= 1; i--) if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    renameSync(file, `${file}.1`);
  };
  const write = (level: string, event: string, data?: LogData) => {
    try {
      rotate();
      const safeEvent = SAFE_VALUE.test(event) ? event : '[fjernet]';
      appendFileSync(file, `${JSON.stringify({ t: now().toISOString(), level, event: safeEvent, ...sanitize(data) })}\n`, { mode: 0o600 });
    } catch {
      // Logging must never break the app.
    }
  };
  return {
    info: (e, d) => write('info', e, d),
    warn: (e, d) => write('warn', e, d),
    error: (e, d) => write('error', e, d),
  };
}
