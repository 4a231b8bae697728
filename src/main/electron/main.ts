/**
 * The Electron entry (built to out/main/index.js). Everything that can be tested lives in app.ts
 * and its siblings; this file only hands them the real 'electron' module.
 *
 * Native module: under Electron, better-sqlite3 loads a build made for Electron's ABI from
 * resources/native (see app.ts nativeBindingPath and resources/native/README.md).
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, screen, session } from 'electron';
import { startApp } from './app';

const shell = startApp(
  { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, screen, session },
  {
    mainDir: dirname(fileURLToPath(import.meta.url)),
    electronVersion: process.versions.electron,
    resourcesPath: process.resourcesPath,
    env: process.env,
    argv: process.argv,
  },
);
// A failed start has been logged and shown to the user, and the app is quitting.
shell?.started.catch(() => undefined);
