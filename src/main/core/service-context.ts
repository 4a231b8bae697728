import type { CoreContext, HandlerCtx } from './context';
import { todayOf } from './clock';

export type { ServiceCtx, HandlerCtx } from './context';

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
    today: todayOf(now),
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
