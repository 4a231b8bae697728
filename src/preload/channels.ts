/**
 * The two IPC channels between preload and main. Every contract operation travels over the one
 * invoke channel as (name, input); main tells the renderer that the vault locked over the other.
 */
export const INVOKE_CHANNEL = 'ssp:invoke';
export const LOCKED_CHANNEL = 'ssp:locked';
