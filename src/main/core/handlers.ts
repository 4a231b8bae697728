import type { z } from 'zod';
import type { Contract, OperationName, OutputOf } from '../../shared/contract';
import type { HandlerCtx } from './service-context';

export type ParsedInput<N extends OperationName> = z.output<Contract[N]['input']>;
/** One operation: the parsed input and this call's context in, the contract's output out. */
export type Handler<N extends OperationName> = (input: ParsedInput<N>, s: HandlerCtx) => Promise<OutputOf<N>> | OutputOf<N>;
export type HandlerGroup = { [N in OperationName]?: Handler<N> };

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
