/// <reference types="vite/client" />

/**
 * Compile-time constant. True only in the web test build (vite.web.config.ts), where the renderer
 * talks to the loopback test bridge; the Electron build defines it false so that code is dropped.
 */
declare const __TEST_BRIDGE__: boolean;
