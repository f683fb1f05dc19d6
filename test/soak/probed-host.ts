// The browser host as `npm run host` runs it, plus a memory probe for the soak: on 'probe' it
// collects garbage and answers with its heap and RSS. Started by test/soak/memory-soak.ts.
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { startBrowserHost } from '../../electron/browser-host/browser-host.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const root = path.resolve(import.meta.dirname, '../..');
const serverUrl = process.env.SOAK_SERVER_URL!;
const host = await startBrowserHost({
  port: 0,
  dataDir: process.env.SOAK_DATA_DIR!,
  rendererDir: path.join(root, 'dist/renderer'),
  defaultServerUrl: serverUrl,
  version: '0.0.0-soak',
});
const signedIn = await host.core.handlers['session.signIn']({ serverUrl, username: 'zhang.wei', password: 'portico-demo' });
if (!signedIn.ok) throw new Error(`sign-in failed: ${JSON.stringify(signedIn)}`);
process.on('message', (message) => {
  if (message !== 'probe') return;
  gc();
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  process.send?.({ probe: { heapUsed, rss } });
});
process.send?.({ ready: host.launchUrl });
