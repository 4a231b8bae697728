import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../shared/contract';
import type { Dispatch } from '../modules';
import type { Logger } from '../core/log';
import { nullLogger } from '../core/log';
import { INVOKE_CHANNEL } from '../../preload/channels';
import { isAppUrl } from './security';

export { INVOKE_CHANNEL, LOCKED_CHANNEL } from '../../preload/channels';

const REFUSED: Result<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'Handlingen blev afvist, fordi den ikke kom fra SSP Desk-vinduet. Genstart programmet, og prøv igen.',
  },
};

const FAILED: Result<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'Der skete en uventet fejl. Intet er gemt fra denne handling. Prøv igen, og kontakt support, hvis det sker igen.',
  },
};

/** The parts of an invoke event the sender check reads. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * A call is ours only if it comes from our window's webContents, from its main frame (not an
 * iframe), and that frame shows our page (app://ssp-desk/index.html, or the dev server in development).
 */
export function isTrustedSender(event: SenderEvent, mainWebContentsId: number, appUrl: string): boolean {
  if (!event.sender || event.sender.id !== mainWebContentsId) return false;
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated away or was destroyed
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url, appUrl);
}

/**
 * The one IPC channel: 'ssp:invoke' (name, input) -> dispatch -> Result. Untrusted senders get a
 * refusal without reaching the dispatcher. The dispatcher validates name and input itself.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  dispatch: Dispatch,
  isTrusted: (event: SenderEvent) => boolean,
  log: Logger = nullLogger,
): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    let trusted = false;
    try {
      trusted = isTrusted(event);
    } catch {
      trusted = false;
    }
    if (!trusted) {
      log.warn('ipc.untrusted_sender');
      return REFUSED;
    }
    try {
      return await dispatch(name, input);
    } catch {
      log.error('ipc.dispatch_threw');
      return FAILED;
    }
  });
}
