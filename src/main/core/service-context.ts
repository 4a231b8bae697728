import type { Db, Sqlite } from './connection';
import type { AppContext } from '../app-context';
import { localIsoDate } from './clock';

/** What a service call needs: the open database, who acts, and when. */
export interface ServiceCtx {
  db: Db;
  sqlite: Sqlite;
  actor: string;
  now: Date;
  today: string;
}

export function serviceCtx(ctx: AppContext): ServiceCtx {
  const open = ctx.vault.current;
  const now = ctx.now();
  return { db: open.db, sqlite: open.sqlite, actor: open.owner.name, now, today: localIsoDate(now) };
}
