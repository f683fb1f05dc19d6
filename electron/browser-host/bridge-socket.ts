import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { bridgeEventNames } from '../../shared/bridge/contract.ts';
import { HostCloseCode } from '../../shared/bridge/host-close-codes.ts';
import { BridgeCallError, BridgeRequest, dispatchBridgeCall } from '../../shared/bridge/dispatch.ts';
import type { PorticoCore } from '../core/portico-core.ts';
import { isAllowedHost, isAllowedOrigin } from './security.ts';

const Hello = z.object({
  hello: z.string().max(200),
  /** A random id the page keeps in its browser profile's storage; older pages without one count as one browser. */
  browser: z.string().max(64).default('unnamed'),
  takeOver: z.boolean().default(false),
});

/** How long a browser that took the host over keeps it with no page open (its page reloads meanwhile). */
const HOLD_AFTER_TAKE_OVER_MS = 5000;

/** A page says whether it is in view (document.visibilityState), after its hello and whenever it changes. */
const Visibility = z.object({ visibility: z.enum(['visible', 'hidden']) }).strict();

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The bridge for a browser: one socket per page, opened only from our own origin and only after the
 * page proves it knows the per-launch secret. Then the same contract as Electron's preload.
 */
export class BridgeSocket {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  private readonly core: PorticoCore;
  private readonly secret: string;
  private readonly port: () => number;
  /**
   * The browser (profile) this host's person uses: one host is one signed-in person, so a page from
   * another browser is refused with a reason instead of silently showing that person's account,
   * and takes over only when its user asks. Tabs of the same browser share it; once the holding
   * browser has no page open, the next one to open the link holds it.
   */
  private holder: string | null = null;
  private readonly pages = new Map<WebSocket, string>();
  /** Pages in view: core shows its toasts through the OS only while there is none. */
  private readonly visible = new Set<WebSocket>();
  private releaseTimer: NodeJS.Timeout | undefined;
  private takenOverAt = 0;

  constructor(core: PorticoCore, secret: string, port: () => number) {
    this.core = core;
    this.secret = secret;
    this.port = port;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!isAllowedHost(req.headers.host, this.port()) || !isAllowedOrigin(req.headers.origin, this.port())) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.serve(ws));
  }

  /** Whether any page of the app is in view (a page counts as in view until it says otherwise). */
  anyPageVisible(): boolean {
    return this.visible.size > 0;
  }

  close(): void {
    clearTimeout(this.releaseTimer);
    for (const client of this.wss.clients) client.close(1001, 'host shutting down');
    this.wss.close();
  }

  /**
   * The holding browser closed its last page: the next browser to open the link may use the host.
   * Right after a take-over the taking page reloads, so the hold outlasts that moment.
   */
  private releaseIfIdle(): void {
    clearTimeout(this.releaseTimer);
    const release = () => {
      if (![...this.pages.values()].includes(this.holder ?? '')) this.holder = null;
    };
    const wait = this.takenOverAt + HOLD_AFTER_TAKE_OVER_MS - Date.now();
    if (wait <= 0) return release();
    this.releaseTimer = setTimeout(release, wait);
    this.releaseTimer.unref();
  }

  /** Whether this browser may use the host; taking over moves it here and tells the other browser's pages. */
  private admit(ws: WebSocket, browser: string, takeOver: boolean): boolean {
    if (this.holder !== null && this.holder !== browser && !takeOver) return false;
    if (this.holder !== browser) {
      for (const [page, owner] of this.pages)
        if (owner !== browser) page.close(HostCloseCode.movedAway, 'moved to another browser');
    }
    if (this.holder !== null && this.holder !== browser) this.takenOverAt = Date.now();
    this.holder = browser;
    this.pages.set(ws, browser);
    return true;
  }

  private serve(ws: WebSocket): void {
    let authenticated = false;
    const unsubscribe: (() => void)[] = [];
    const helloTimer = setTimeout(() => ws.close(4401, 'no hello'), 5000);
    // A protocol error (bad UTF-8, oversized frame) closes the socket; unheard, it would stop the host.
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      clearTimeout(helloTimer);
      this.pages.delete(ws);
      this.visible.delete(ws);
      this.releaseIfIdle();
      for (const off of unsubscribe) off();
    });
    ws.on('message', (data) => {
      let message: unknown;
      try {
        message = JSON.parse(data.toString());
      } catch {
        return ws.close(1007, 'not JSON');
      }
      if (!authenticated) {
        const hello = Hello.safeParse(message);
        if (!hello.success || !sameSecret(hello.data.hello, this.secret))
          return ws.close(HostCloseCode.wrongSecret, 'wrong secret');
        if (!this.admit(ws, hello.data.browser, hello.data.takeOver))
          return ws.close(HostCloseCode.heldElsewhere, 'held by another browser');
        authenticated = true;
        this.visible.add(ws);
        clearTimeout(helloTimer);
        for (const event of bridgeEventNames) {
          const listener = (payload: unknown) => ws.send(JSON.stringify({ event, payload }));
          this.core.events.on(event, listener);
          unsubscribe.push(() => this.core.events.off(event, listener));
        }
        return ws.send(JSON.stringify({ ready: true }));
      }
      const visibility = Visibility.safeParse(message);
      if (visibility.success) {
        if (visibility.data.visibility === 'visible') this.visible.add(ws);
        else this.visible.delete(ws);
        return;
      }
      const request = BridgeRequest.safeParse(message);
      if (!request.success) return ws.close(1007, 'not a bridge request');
      const { id, method, params } = request.data;
      dispatchBridgeCall(this.core.handlers, method, params).then(
        (result) => ws.send(JSON.stringify({ id, ok: true, result })),
        (error: unknown) => {
          const code = error instanceof BridgeCallError ? error.code : 'internal';
          ws.send(
            JSON.stringify({ id, ok: false, error: { code, message: error instanceof Error ? error.message : String(error) } }),
          );
        },
      );
    });
  }
}
