import type { z } from 'zod';
import type { Contract, OperationName, OutputOf } from '../../shared/contract';
import type { AppContext } from '../app-context';

export type ParsedInput<N extends OperationName> = z.output<Contract[N]['input']>;
export type Handler<N extends OperationName> = (input: ParsedInput<N>, ctx: AppContext) => Promise<OutputOf<N>> | OutputOf<N>;
export type HandlerGroup = { [N in OperationName]?: Handler<N> };

/** Declare one domain's handlers with their types checked against the contract. */
export function defineHandlers<G extends HandlerGroup>(group: G): G {
  return group;
}
