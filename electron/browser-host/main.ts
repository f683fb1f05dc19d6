import path from 'node:path';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json' with { type: 'json' };
import { loadPolicy } from '../core/policy/load-policy.ts';
import { startBrowserHost } from './browser-host.ts';

/** `node electron/browser-host/main.ts --server-url http://127.0.0.1:8787 [--port 5170] [--data folder]` */
const { values } = parseArgs({
  options: { 'server-url': { type: 'string' }, port: { type: 'string' }, data: { type: 'string' } },
});
const root = path.resolve(import.meta.dirname, '../..');
const policy = await loadPolicy({
  platform: process.platform,
  env: process.env,
  log: (message) => console.warn(`[portico] ${message}`),
});
const host = await startBrowserHost({
  port: Number(values.port ?? process.env.PORTICO_HOST_PORT ?? 5170),
  dataDir: path.resolve(values.data ?? process.env.PORTICO_CLIENT_DATA ?? path.join(root, '.portico-data/client')),
  rendererDir: path.join(root, 'dist/renderer'),
  defaultServerUrl: values['server-url'] ?? process.env.PORTICO_SERVER_URL ?? 'http://127.0.0.1:8787',
  version: packageJson.version,
  policy,
});
console.log(`PORTICO_HOST_READY ${host.launchUrl}`);
const stop = () => void host.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
