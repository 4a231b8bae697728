import type { Db, Sqlite } from './connection';
import type { CoreContext } from './context';
import { localIsoDate } from './clock';

/** What a service call needs: the open database, who acts, and when. */
export interface ServiceCtx {
  db: Db;
  sqlite: Sqlite;
  actor: string;
  now: Date;
  today: string;
}

/** What a handler gets: the service context of this call, and the app context behind it. */
export interface HandlerCtx extends ServiceCtx {
  app: CoreContext;
}

/**
 * The service context of one call, built once by the dispatcher. The database and the actor are
 * read when first used, so operations that run on a locked vault (vault.status, vault.unlock)
 * get the same context and never touch them.
 */
export function serviceCtx(app: CoreContext): HandlerCtx {
  const now = app.now();
  return {
    app,
    now,
    today: localIsoDate(now),
    get db() {
      return app.vault.current.db;
    },
    get sqlite() {
      return app.vault.current.sqlite;
    },
    get actor() {
      return app.vault.current.owner.name;
    },
  };
}
