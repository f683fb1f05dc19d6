import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ToastView } from '../../shared/bridge/views.ts';
import { type BrowserHost, startBrowserHost } from '../../electron/browser-host/browser-host.ts';
import { login, publishNotice, startTestServer, tempDir, waitFor } from '../integration/harness.ts';
import { type NotificationDaemon, startNotificationDaemon } from './notification-daemon.ts';

const root = path.resolve(import.meta.dirname, '../..');
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The browser host with every tab closed still reaches the person: core raises an OS notification
 * (node-notifier → notify-send → D-Bus) when no page is in view, and leaves it to the page when one
 * is. Checked against a real notification daemon (dunst on Xvfb, private session bus), reading what
 * the daemon itself received.
 */
describe("the browser host's OS notifications under a real notification daemon", () => {
  const folder = tempDir('os-notify');
  const previousBus = process.env.DBUS_SESSION_BUS_ADDRESS;
  let daemon: NotificationDaemon;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let host: BrowserHost;
  let hrToken: string;
  const toasts: ToastView[] = [];

  beforeAll(async () => {
    daemon = await startNotificationDaemon(folder.dir);
    process.env.DBUS_SESSION_BUS_ADDRESS = daemon.busAddress;
    server = await startTestServer();
    host = await startBrowserHost({
      port: 0,
      dataDir: path.join(folder.dir, 'host'),
      rendererDir: path.join(root, 'dist/renderer'),
      defaultServerUrl: server.url,
      version: '0.0.0',
    });
    host.core.events.on('toast', (toast) => toasts.push(toast));
    const signIn = await host.core.handlers['session.signIn']({
      serverUrl: server.url,
      username: 'zhang.wei',
      password: 'portico-demo',
    });
    expect(signIn).toEqual({ ok: true });
    await waitFor(() => host.core.connectionView().state === 'online', 10_000, 'the host online');
    hrToken = (await login(server.url, 'chen.jing')).accessToken;
  }, 60_000);
  afterAll(async () => {
    await host?.close();
    await server?.close();
    await daemon?.stop();
    if (previousBus === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = previousBus;
    folder.remove();
  });

  const publish = async (title: string, priority: 'normal' | 'urgent') => {
    const res = await publishNotice(server.url, hrToken, {
      title,
      body: 'Details inside.',
      priority,
      audience: { everyone: true },
    });
    expect(res.status).toBe(201);
    await waitFor(() => toasts.some((t) => t.title.includes(title)), 10_000, `core's toast for "${title}"`);
    return toasts.find((t) => t.title.includes(title))!;
  };
  const shown = (title: string) => daemon.received().filter((r) => r.summary.includes(title));

  /** A page of the app, as the renderer's socket bridge opens one. */
  const openPage = async () => {
    const secret = /#k=([\w-]+)/.exec(host.launchUrl)![1]!;
    const ws = new WebSocket(`${host.url.replace('http', 'ws')}/bridge`, { headers: { origin: host.url } });
    const events: { event: string; payload: unknown }[] = [];
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => ws.send(JSON.stringify({ hello: secret, browser: 'test-browser' })));
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { ready?: boolean; event?: string; payload?: unknown };
        if (message.ready) resolve();
        if (message.event) events.push({ event: message.event, payload: message.payload });
      });
      ws.once('error', reject);
    });
    return {
      events,
      report: (visibility: 'visible' | 'hidden') => ws.send(JSON.stringify({ visibility })),
      close: () => ws.close(),
    };
  };

  it('an urgent notice published while no page is open reaches the daemon once, with the toast title and text, as critical', async () => {
    const toast = await publish('Fire drill at 15:00', 'urgent');
    await waitFor(() => shown('Fire drill at 15:00').length > 0, 10_000, 'the daemon to receive it');
    await settle(1500);
    expect(shown('Fire drill at 15:00')).toEqual([
      { app: 'Portico', summary: toast.title, body: toast.body, urgency: 'CRITICAL' },
    ]);
  });

  it('nothing reaches the OS while a page is in view: the page shows the toast instead', async () => {
    const page = await openPage();
    page.report('visible');
    await settle(200);
    const toast = await publish('Canteen menu for next week', 'normal');
    await waitFor(
      () => page.events.some((e) => e.event === 'toast' && (e.payload as ToastView).id === toast.id),
      5000,
      'the page',
    );
    await settle(1500);
    expect(shown('Canteen menu for next week')).toEqual([]);

    // The same page in a background tab: the OS shows it again, once.
    page.report('hidden');
    await settle(200);
    await publish('Parking closed on Friday', 'normal');
    await waitFor(() => shown('Parking closed on Friday').length > 0, 10_000, 'the daemon to receive it');
    await settle(1500);
    expect(shown('Parking closed on Friday')).toHaveLength(1);
    expect(shown('Parking closed on Friday')[0]!.urgency).toBe('NORMAL');
    page.close();
  });
});
