import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DestinationStream } from 'pino';
import WebSocket from 'ws';
import type { Clock } from '../../shared/domain/clock.ts';
import { LoginResponse } from '../../shared/protocol/http-api.ts';
import { ServerFrame } from '../../shared/protocol/frames.ts';
import { startPorticoServer, type PorticoServer } from '../../server/app.ts';
import { defaultConfig, type ServerConfig } from '../../server/config.ts';
import { ClientCache } from '../../electron/core/cache/client-cache.ts';
import { Outbox } from '../../electron/core/sync/outbox.ts';
import { SyncClient, type SyncClientOptions } from '../../electron/core/sync/sync-client.ts';
import { systemClock } from '../../shared/domain/clock.ts';
import { type CoreOptions, PorticoCore } from '../../electron/core/portico-core.ts';
import type { LauncherShell } from '../../electron/core/features/launcher/launcher-types.ts';
import type { WebLaunch } from '../../shared/domain/launcher/index.ts';
import { TokenVault, fileModeOnly } from '../../electron/core/secrets/token-vault.ts';
import { MemoryBackend, SettingsStore } from '../../electron/core/settings/settings.ts';

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `portico-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startTestServer(
  overrides: Partial<ServerConfig> = {},
  options: { clock?: Clock; logDestination?: DestinationStream } = {},
): Promise<PorticoServer & { dataDir: string }> {
  const { dir } = tempDir('server');
  // The tests' world is the demo office; a production server starts empty (see server/setup/first-admin.ts).
  const config: ServerConfig = { ...defaultConfig, demo: true, port: 0, dataDir: dir, logLevel: 'silent', ...overrides };
  const server = await startPorticoServer(config, options);
  return Object.assign(server, { dataDir: config.dataDir });
}

export async function login(baseUrl: string, username: string, password = 'portico-demo'): Promise<LoginResponse> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
  return LoginResponse.parse(await res.json());
}

/** POST /api/auth/refresh as a PC does, answer unread. */
export function refreshRequest(baseUrl: string, refreshToken: string): Promise<Response> {
  return fetch(`${baseUrl}/api/auth/refresh`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  });
}

export async function publishNotice(baseUrl: string, accessToken: string, body: object): Promise<Response> {
  return fetch(`${baseUrl}/api/notices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify(body),
  });
}

/** A sync client on a fresh cache, with a token source that refreshes over HTTP like the real session. */
export function syncClientFor(
  baseUrl: () => string,
  tokens: { accessToken: string; refreshToken: string },
  cacheFile: string,
  /** The tests' quick backoffs by default; a reconnect test passes the product's own. */
  tuning: Partial<SyncClientOptions> = { backoffBaseMs: 50, backoffCapMs: 500, restartCapMs: 500, probeMs: 100 },
): { client: SyncClient; cache: ClientCache; outbox: Outbox; appliedSeqs: number[] } {
  const cache = new ClientCache(cacheFile);
  const outbox = new Outbox(cache.db);
  let current = { ...tokens };
  const client = new SyncClient({
    wsUrl: () => `${baseUrl().replace(/^http/, 'ws')}/ws`,
    cache,
    outbox,
    clock: systemClock,
    ...tuning,
    accessToken: async (force) => {
      if (!force) return current.accessToken;
      const res = await fetch(`${baseUrl()}/api/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: current.refreshToken }),
      });
      if (res.status === 401) return null;
      const body = LoginResponse.parse(await res.json());
      current = { accessToken: body.accessToken, refreshToken: body.refreshToken };
      return current.accessToken;
    },
  });
  const appliedSeqs: number[] = [];
  client.on('applied', ({ seqs }) => appliedSeqs.push(...seqs));
  return { client, cache, outbox, appliedSeqs };
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A raw socket for protocol-level tests: frames in, frames out, nothing helpful in between. */
export async function rawSocket(
  wsUrl: string,
  headers: Record<string, string>,
): Promise<{
  ws: WebSocket;
  frames: ServerFrame[];
  next: (type: string, timeoutMs?: number) => Promise<ServerFrame>;
  closed: Promise<{ code: number; reason: string }>;
}> {
  const ws = new WebSocket(wsUrl, { headers });
  const frames: ServerFrame[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('message', (data) => frames.push(ServerFrame.parse(JSON.parse(data.toString()))));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  let cursor = 0;
  const next = async (type: string, timeoutMs = 5000): Promise<ServerFrame> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (cursor < frames.length) {
        const frame = frames[cursor++]!;
        if (frame.type === type) return frame;
      }
      if (Date.now() > deadline)
        throw new Error(`no ${type} frame within ${timeoutMs} ms; got ${frames.map((f) => f.type).join(',')}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  return { ws, frames, next, closed };
}

/** The HTTP status a refused upgrade answers with. */
export function upgradeStatus(wsUrl: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(wsUrl, { headers });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => {
      ws.close();
      reject(new Error('the upgrade was accepted'));
    });
    ws.once('error', () => undefined);
  });
}

/** A desktop core in plain Node, as the browser host runs it, keeping its cache and session in `dataDir`. */
/** A launcher shell that opens nothing: it keeps what it was asked to open. */
export class RecordingShell implements LauncherShell {
  readonly opened: WebLaunch[] = [];
  async openWeb(launch: WebLaunch): Promise<{ opened: true }> {
    this.opened.push(launch);
    return { opened: true };
  }
}

export function testCore(
  dataDir: string,
  serverUrl: string,
  clock?: Clock,
  extra: Partial<Pick<CoreOptions, 'launcherShell' | 'policy' | 'env' | 'platform' | 'network'>> = {},
): PorticoCore {
  return new PorticoCore({
    launcherShell: new RecordingShell(),
    dataDir,
    settings: new SettingsStore(new MemoryBackend()),
    vault: new TokenVault(path.join(dataDir, 'session.json'), fileModeOnly),
    shell: 'browser-host',
    version: '0.0.0',
    platform: 'linux',
    deviceName: 'test',
    defaultServerUrl: serverUrl,
    ...(clock ? { clock } : {}),
    ...extra,
  });
}
