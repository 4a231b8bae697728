/// <reference types="vite/client" />

/**
 * Compile-time constant. True only in the web build (vite.web.config.ts), where the renderer talks
 * to browser mode's loopback server; the Electron build defines it false so that code is dropped.
 */
declare const __BROWSER_MODE__: boolean;
