import type { PorticoCore } from '../../electron/core/portico-core.ts';
import { type BridgeEventName, type BridgeEventPayload, type BridgeParams, bridgeCalls } from '../../shared/bridge/contract.ts';
import { ManualClock } from '../../shared/domain/clock.ts';
import type { ServerConfig } from '../../server/config.ts';
import { login, startTestServer, tempDir, testCore, waitFor } from './harness.ts';

/** A demo server on a manual clock, and desktop cores (plain Node) signed in as demo people. */
export async function chatWorld(overrides: Partial<ServerConfig> = {}) {
  const clock = new ManualClock(Date.parse('2026-11-23T01:30:00Z')); // 09:30 in Shanghai, a Monday
  let server = await startTestServer(overrides, { clock });
  const cleanups: (() => unknown)[] = [];
  const tokens = new Map<string, string>();
  const token = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, (await login(server.url, username)).accessToken);
    return tokens.get(username)!;
  };
  const http = async (method: string, path: string, username: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token(username)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  async function desktop(username: string, existingDir?: string) {
    const dir = existingDir ? { dir: existingDir, remove: () => undefined } : tempDir('chat-core');
    const core: PorticoCore = testCore(dir.dir, server.url, clock);
    const seen: { [E in BridgeEventName]?: BridgeEventPayload<E>[] } = {};
    const record = <E extends BridgeEventName>(name: E) => {
      const list: BridgeEventPayload<E>[] = [];
      (seen as Record<string, unknown>)[name] = list;
      core.events.on(name, ((payload: BridgeEventPayload<E>) => list.push(payload)) as never);
      return list;
    };
    const toasts = record('toast');
    const typing = record('chat.typing');
    const presence = record('presence.changed');
    cleanups.push(
      () => dir.remove(),
      () => core.stop(),
    );
    if (existingDir) {
      // The same PC started again: the session comes back from the vault, the cache from disk.
      await core.start();
    } else {
      const signIn = await core.handlers['session.signIn']({ serverUrl: server.url, username, password: 'portico-demo' });
      if (!signIn.ok) throw new Error(`sign in ${username}: ${JSON.stringify(signIn)}`);
    }
    await waitFor(() => core.connectionView().state === 'online', 5000, `${username} online`);
    return { core, toasts, typing, presence, username, dir: dir.dir };
  }

  return {
    clock,
    get server() {
      return server;
    },
    http,
    desktop,
    /** Stops the server (like a crash would, minus the crash) and starts it again on the same port and data. */
    async restartServer(whileDown: () => Promise<void> = async () => {}) {
      const { port, dataDir } = server;
      await server.close();
      await whileDown();
      server = await startTestServer({ ...overrides, port, dataDir }, { clock });
    },
    async close() {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
      await server.close();
    },
  };
}
export type ChatWorld = Awaited<ReturnType<typeof chatWorld>>;
export type Desktop = Awaited<ReturnType<ChatWorld['desktop']>>;

/** Polls an asynchronous check until it holds (the bridge's calls are asynchronous). */
export async function eventually(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The id of the user's conversation with `title`, once it has reached their cache. */
export async function conversationNamed(d: Desktop, title: string): Promise<string> {
  let id: string | undefined;
  await eventually(
    async () => (id = (await d.core.handlers['chat.list']({})).find((c) => c.title === title)?.id) !== undefined,
    5000,
    `${d.username} sees conversation ${title}`,
  );
  return id!;
}

/** Sends as the renderer would: the bridge's schema fills the defaults (no mentions, no reply, no files). */
export function send(d: Desktop, params: BridgeParams<'chat.send'>) {
  return d.core.handlers['chat.send'](bridgeCalls['chat.send'].params.parse(params));
}
