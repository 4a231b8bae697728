// `node --import <this>`: the packaged main process's `import ... from 'electron'` gets the
// stand-in (electron-stub.mjs). Every other import resolves as Node resolves it from inside the
// extracted app.asar, so a dependency missing from the package fails the run.
import { register } from 'node:module';

register('./electron-resolve.mjs', import.meta.url);
