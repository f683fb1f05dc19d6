import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import path from 'node:path';
import type { EffectivePolicy } from '../core/policy/resolve-policy.ts';
import Conf from 'conf';
import { watchNetwork } from '../core/lifecycle/network-watch.ts';
import { PorticoCore } from '../core/portico-core.ts';
import { TokenVault, fileModeOnly } from '../core/secrets/token-vault.ts';
import { SettingsStore } from '../core/settings/settings.ts';
import { parseRequestTarget } from '../../shared/http/request-target.ts';
import { BridgeSocket } from './bridge-socket.ts';
import { LaunchHandoff } from './launch-handoff.ts';
import { openInBrowser, osNotifications } from './os-notifications.ts';
import { fileLog } from '../core/log/core-log.ts';
import { isAllowedHost } from './security.ts';
import { staticFiles } from './static-files.ts';

export interface BrowserHostOptions {
  port: number;
  dataDir: string;
  rendererDir: string;
  defaultServerUrl: string;
  version: string;
  policy?: EffectivePolicy;
}

export interface BrowserHost {
  url: string;
  /** The URL to open: carries the per-launch secret in the fragment, which never reaches a server log. */
  launchUrl: string;
  core: PorticoCore;
  close(): Promise<void>;
}

/** Runs core in plain Node and serves the same UI to a browser on loopback, with the same bridge contract. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const settings = new SettingsStore(
    new Conf<Record<string, unknown>>({ projectName: 'portico', cwd: options.dataDir, configName: 'settings' }),
  );
  let port = options.port;
  const handoff = new LaunchHandoff(() => `http://127.0.0.1:${port}`);
  const secret = randomBytes(24).toString('base64url');
  let bridge: BridgeSocket | null = null;
  const log = fileLog(path.join(options.dataDir, 'logs'));
  const core = new PorticoCore({
    log,
    // Toasts reach the OS (node-notifier) while no page is in view; a click opens a page at the item.
    osToasts: osNotifications({
      wanted: () => !(bridge?.anyPageVisible() ?? false),
      openRoute: (route) => openInBrowser(`http://127.0.0.1:${port}/#k=${secret}&r=${encodeURIComponent(route)}`),
      log: log.log,
    }),
    dataDir: options.dataDir,
    settings,
    vault: new TokenVault(path.join(options.dataDir, 'session.json'), fileModeOnly),
    shell: 'browser-host',
    version: options.version,
    platform: process.platform,
    deviceName: `${hostname()} (browser)`,
    launcherShell: handoff,
    defaultServerUrl: options.defaultServerUrl,
    ...(options.policy ? { policy: options.policy } : {}),
  });
  // No OS signals here: a watch of the interfaces nudges the socket when the network changes.
  const stopNetworkWatch = watchNetwork(() => core.nudge());
  bridge = new BridgeSocket(core, secret, () => port);
  const pages = bridge;
  const files = staticFiles(path.resolve(options.rendererDir), () => port);
  const http = createServer({ headersTimeout: 20_000, requestTimeout: 60_000 }, (req, res) => {
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    const target = parseRequestTarget(req.url, (href) => new URL(href));
    if (!target.ok) return void res.writeHead(target.status, { 'content-type': 'text/plain' }).end(target.message);
    const { pathname } = target.url;
    try {
      if (isAllowedHost(req.headers.host, port) && handoff.serve(req, res, pathname)) return;
      files(req, res, pathname).catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end();
      });
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    }
  });
  http.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const target = parseRequestTarget(req.url, (href) => new URL(href));
    if (!target.ok || target.url.pathname !== '/bridge') return socket.destroy();
    pages.handleUpgrade(req, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (http.address() as AddressInfo).port;
  await core.start();
  const minute = setInterval(() => core.minuteTick(), 60_000);
  minute.unref();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    launchUrl: `${url}/#k=${secret}`,
    core,
    async close() {
      clearInterval(minute);
      stopNetworkWatch();
      pages.close();
      core.stop();
      await log.close();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
    },
  };
}
