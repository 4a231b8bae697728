/**
 * The ledergruppe's projector window in Electron (issue 18 item 5). The control view opens it the
 * same way as in browser mode (PresenterWindow.tsx: window.open('', PROJECTION_WINDOW_NAME,
 * 'popup,...'), an about:blank document of our origin that the control window renders the
 * projection into with a React portal; the keys of both documents move one deck). Main allows
 * exactly that window and nothing else, and places it:
 *
 * - an external display (a projector or a second screen, other than the one the control window is
 *   on): full screen on it, while the control window with names stays on the laptop;
 * - one display (or a mirrored projector, which Electron reports as one): an ordinary 1280x720
 *   window on the laptop's screen, as in browser mode, for the chair to drag.
 *
 * The window gets the main window's web preferences without a preload, and no page of its own;
 * what it shows is what the control window's projection route puts in it, never the control view.
 * (For an about:blank child Electron keeps the opener's renderer preferences, electron/electron
 * #32136, and since Electron 16 runs no preload in its top frame, #38844. Should a preload ever
 * run there, ipc.ts still refuses every webContents but the main window's.)
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, Display, HandlerDetails, Rectangle, WindowOpenHandlerResponse } from 'electron';
import { PROJECTION_WINDOW_NAME } from '../../shared/leader-meetings';
import type { Logger } from '../core/log';
import { nullLogger } from '../core/log';
import { forbidNavigation, type WindowOpenPolicy } from './security';
import { secureWebPreferences } from './window';

export { PROJECTION_WINDOW_NAME };

/** The projection's size on one screen (the slides are laid out for 1280x720). */
export const PROJECTION_SIZE = { width: 1280, height: 720 };

/** The display for the audience: another than the control window's, an external one first. */
export function audienceDisplay(displays: readonly Display[], control: Display): Display | null {
  const others = displays.filter((d) => d.id !== control.id);
  return others.find((d) => !d.internal) ?? others[0] ?? null;
}

/** The URL window.open('') asks for: the only one allowed (no route, no token, no page of ours). */
export function isProjectionRequest(details: Pick<HandlerDetails, 'url' | 'frameName'> & { postBody?: unknown }): boolean {
  return details.frameName === PROJECTION_WINDOW_NAME && (details.url === 'about:blank' || details.url === '') && !details.postBody;
}

/** The audience window's options: full screen on `external`, or an ordinary window centred in `controlWorkArea`. */
export function audienceWindowOptions(external: Display | null, controlWorkArea: Rectangle, devTools: boolean): BrowserWindowConstructorOptions {
  const common: BrowserWindowConstructorOptions = {
    show: true,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(devTools),
  };
  if (external) {
    const b = external.bounds;
    return { ...common, x: b.x, y: b.y, width: b.width, height: b.height, fullscreen: true, frame: false };
  }
  const width = Math.min(PROJECTION_SIZE.width, controlWorkArea.width);
  const height = Math.min(PROJECTION_SIZE.height, controlWorkArea.height);
  return {
    ...common,
    x: controlWorkArea.x + Math.round((controlWorkArea.width - width) / 2),
    y: controlWorkArea.y + Math.round((controlWorkArea.height - height) / 2),
    width,
    height,
    fullscreen: false,
  };
}

export interface ProjectionWindowDeps {
  screen: { getAllDisplays(): Display[]; getDisplayMatching(rect: Rectangle): Display };
  /** The control (main) window: the audience goes to a display other than its. */
  control: Pick<BrowserWindow, 'getBounds'>;
  devTools: boolean;
  log?: Logger;
}

/**
 * The main window's window-open policy (security.ts allowWindowOpen) and its did-create-window
 * listener. The display is looked up at each opening (a projector plugged in after start counts).
 */
export function projectionWindows(deps: ProjectionWindowDeps): {
  policy: WindowOpenPolicy;
  onDidCreateWindow: (child: BrowserWindow, details: { frameName: string }) => void;
  /** screen 'display-removed': the projector unplugged closes its window (the control view is not covered). */
  onDisplayRemoved: (event: unknown, display: Pick<Display, 'id'>) => void;
} {
  const log = deps.log ?? nullLogger;
  let placing: Display | null = null;
  const onProjector = new Map<Pick<BrowserWindow, 'isDestroyed' | 'close'>, number>();
  const policy = (details: HandlerDetails): WindowOpenHandlerResponse | null => {
    if (!isProjectionRequest(details)) return null;
    const control = deps.screen.getDisplayMatching(deps.control.getBounds());
    placing = audienceDisplay(deps.screen.getAllDisplays(), control);
    return {
      action: 'allow',
      // Closed with the control window (Electron's default, said here on purpose).
      outlivesOpener: false,
      overrideBrowserWindowOptions: audienceWindowOptions(placing, control.workArea, deps.devTools),
    };
  };
  const onDidCreateWindow = (child: BrowserWindow, details: { frameName: string }) => {
    if (details.frameName !== PROJECTION_WINDOW_NAME) return;
    const external = placing;
    placing = null;
    forbidNavigation(child.webContents);
    child.setMenuBarVisibility(false);
    if (external) {
      // Some window managers place a new window on the primary display whatever its x and y say:
      // move it to the projector, then full screen there.
      child.setBounds(external.bounds);
      child.setFullScreen(true);
      onProjector.set(child, external.id);
      child.once('closed', () => onProjector.delete(child));
    }
    log.info('projection.window_opened', { external: !!external });
  };
  const onDisplayRemoved = (_event: unknown, display: Pick<Display, 'id'>) => {
    for (const [child, id] of [...onProjector]) {
      if (id !== display.id) continue;
      onProjector.delete(child);
      if (child.isDestroyed()) continue;
      // Left alone, the system would move it full screen over the laptop's control view.
      child.close();
      log.info('projection.display_removed');
    }
  };
  return { policy, onDidCreateWindow, onDisplayRemoved };
}
