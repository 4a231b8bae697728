/**
 * The main window's size and place: it fits the work area of the display it opens on (a
 * 1366x768 laptop has about 1366x728 once the taskbar is off), and it comes back where the user
 * left it, if that place is still on a display. Pure functions plus a small JSON file in userData.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../vault';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;
export const MIN_SIZE = { width: 960, height: 600 } as const;

const stateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof stateSchema>;

export function loadWindowState(file: string): WindowState | null {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  writeFileAtomic(file, `${JSON.stringify(stateSchema.parse(state))}\n`);
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** `rect` made to fit inside `area`: no larger, and moved in where it sticks out. */
export function fitInto(rect: Rect, area: Rect): Rect {
  const width = Math.min(rect.width, area.width);
  const height = Math.min(rect.height, area.height);
  const x = Math.min(Math.max(rect.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(rect.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

/**
 * Where the window opens: the saved place fitted into the work area it overlaps most; without a
 * saved place (or one on a display that is gone) the default size fitted and centred in the
 * primary display's work area. Also the minimum size, never larger than that work area.
 */
export function initialBounds(saved: WindowState | null, workAreas: readonly Rect[], primary: Rect): { bounds: Rect; min: { width: number; height: number }; maximized: boolean } {
  let area = primary;
  let bounds: Rect | null = null;
  if (saved) {
    let best = 0;
    for (const wa of workAreas) {
      const o = overlap(saved, wa);
      if (o > best) {
        best = o;
        area = wa;
      }
    }
    if (best > 0) bounds = fitInto(saved, area);
    else area = primary;
  }
  if (!bounds) {
    const width = Math.min(DEFAULT_SIZE.width, area.width);
    const height = Math.min(DEFAULT_SIZE.height, area.height);
    bounds = { x: area.x + Math.floor((area.width - width) / 2), y: area.y + Math.floor((area.height - height) / 2), width, height };
  }
  return {
    bounds,
    min: { width: Math.min(MIN_SIZE.width, area.width), height: Math.min(MIN_SIZE.height, area.height) },
    maximized: saved !== null && saved.maximized && bounds !== null,
  };
}
