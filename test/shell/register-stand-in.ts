/**
 * `node --import ./test/shell/register-stand-in.ts dist/electron/main.cjs`: every `require('electron')`
 * and `import 'electron'` of the built bundle resolves to the recording stand-in beside this file.
 */
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const standIn = pathToFileURL(new URL('./electron-stand-in.ts', import.meta.url).pathname).href;
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: standIn, shortCircuit: true };
    return nextResolve(specifier, context);
  },
});
