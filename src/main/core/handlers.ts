import type { HandlerCtx, HandlerGroup } from './context';

export type { Handler, HandlerGroup, ParsedInput } from './context';

/** Declare one domain's handlers with their types checked against the contract. */
export function defineHandlers<G extends HandlerGroup>(group: G): G {
  return group;
}

/**
 * "Write, then answer with the record as it now is": `writeThen('caseId', read)(write)` is a
 * handler that runs the write and answers with read(s, input.caseId).
 */
export function writeThen<K extends string, R>(key: K, read: (s: HandlerCtx, id: number) => R) {
  return <I extends { [P in K]: number }>(write: (s: HandlerCtx, input: I) => unknown) =>
    (input: I, s: HandlerCtx): R => {
      write(s, input);
      return read(s, input[key]);
    };
}
