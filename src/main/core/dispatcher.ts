import { contract, isOperationName, operationNames, type OperationName, type Result } from '../../shared/contract';
import type { AppErrorShape } from '../../shared/core/contract';
import type { CoreContext } from './context';
import { AppError } from './errors';
import type { HandlerGroup } from './handlers';
import { serviceCtx, type HandlerCtx } from './service-context';
import { zodIssuesToFields } from './zod-errors';

export type HandlerMap = Map<OperationName, (input: unknown, s: HandlerCtx) => unknown>;

/** Join the groups into one map. A name registered twice, or a contract entry left without a handler, is an error. */
export function registerHandlers(groups: readonly HandlerGroup[]): HandlerMap {
  const map: HandlerMap = new Map();
  for (const group of groups) {
    for (const [name, fn] of Object.entries(group)) {
      if (!isOperationName(name)) throw new Error(`Handler for an operation not in the contract: ${name}`);
      if (map.has(name)) throw new Error(`Handler registered twice: ${name}`);
      map.set(name, fn as (input: unknown, s: HandlerCtx) => unknown);
    }
  }
  const missing = operationNames.filter((n) => !map.has(n));
  if (missing.length) throw new Error(`Contract operations without a handler: ${missing.join(', ')}`);
  return map;
}

const INTERNAL: AppErrorShape = {
  code: 'INTERNAL',
  message: 'Der skete en uventet fejl. Intet er gemt fra denne handling. Prøv igen, og kontakt support, hvis det sker igen.',
};

export type Dispatch = (name: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * The one entry for every call from the renderer: known name, input parsed against the contract
 * before anything else, vault state checked, handler called, errors mapped to {code, message}.
 */
export function createDispatcher(ctx: CoreContext, groups: readonly HandlerGroup[]): Dispatch {
  const handlers = registerHandlers(groups);
  return async (name, input) => {
    if (!isOperationName(name)) {
      return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'Ukendt handling.' } };
    }
    const def = contract[name];
    const parsed = def.input.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Oplysningerne er ikke gyldige. Ret de markerede felter.', fields: zodIssuesToFields(parsed.error.issues) },
      };
    }
    if (def.requiresUnlocked && ctx.vault.state() !== 'unlocked') {
      return { ok: false, error: { code: 'VAULT_LOCKED', message: 'Boksen er låst. Lås den op for at fortsætte.' } };
    }
    try {
      // The call's service context, built once here for every handler.
      const value = await handlers.get(name)!(parsed.data, serviceCtx(ctx));
      if (ctx.validateOutput) {
        const out = def.output.safeParse(value);
        if (!out.success) {
          ctx.log.error('handler.bad_output', { op: name });
          return { ok: false, error: INTERNAL };
        }
        return { ok: true, value: out.data };
      }
      return { ok: true, value };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toShape() };
      for (const m of ctx.modules) {
        const mapped = m.mapDatabaseError?.(e);
        if (mapped) return { ok: false, error: mapped.toShape() };
      }
      const code = (e as { code?: unknown }).code;
      // SQLite reports extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED ...): match the family.
      const family = (base: string) => typeof code === 'string' && (code === base || code.startsWith(`${base}_`));
      if (family('SQLITE_FULL')) {
        ctx.log.error('handler.io_error', { op: name, code: code as string });
        return { ok: false, error: { code: 'IO_ERROR', message: 'Disken er fuld. Intet er gemt fra denne handling. Frigør plads, og prøv igen.' } };
      }
      if (family('SQLITE_READONLY') || family('SQLITE_IOERR') || family('SQLITE_CANTOPEN')) {
        ctx.log.error('handler.io_error', { op: name, code: code as string });
        return { ok: false, error: { code: 'IO_ERROR', message: 'Boksen kan ikke skrives. Tjek, at mappen findes og ikke er skrivebeskyttet. Intet er gemt fra denne handling.' } };
      }
      if (family('SQLITE_CONSTRAINT_FOREIGNKEY')) {
        // A reference to a row that does not exist (an unknown district id, a deleted record):
        // the input's fault, not an internal error. Services that check first give field messages.
        ctx.log.warn('handler.missing_reference', { op: name });
        return { ok: false, error: { code: 'NOT_FOUND', message: 'En af de valgte oplysninger findes ikke (længere). Hent siden igen, og prøv igen. Intet er gemt fra denne handling.' } };
      }
      // Log the operation and the error's kind only: messages may quote values.
      ctx.log.error('handler.failed', { op: name, kind: e instanceof Error ? e.name : typeof e, code: typeof code === 'string' ? code : '' });
      return { ok: false, error: INTERNAL };
    }
  };
}
