import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { bridgeEventNames } from '../../shared/bridge/contract.ts';
import { BridgeCallError, BridgeRequest, dispatchBridgeCall } from '../../shared/bridge/dispatch.ts';
import type { PorticoCore } from '../core/portico-core.ts';
import { isAllowedHost, isAllowedOrigin } from './security.ts';

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

  close(): void {
    for (const client of this.wss.clients) client.close(1001, 'host shutting down');
    this.wss.close();
  }

  private serve(ws: WebSocket): void {
    let authenticated = false;
    const unsubscribe: (() => void)[] = [];
    const helloTimer = setTimeout(() => ws.close(4401, 'no hello'), 5000);
    // A protocol error (bad UTF-8, oversized frame) closes the socket; unheard, it would stop the host.
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      clearTimeout(helloTimer);
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
        const secret = (message as { hello?: unknown } | null)?.hello;
        if (typeof secret !== 'string' || !sameSecret(secret, this.secret)) return ws.close(4401, 'wrong secret');
        authenticated = true;
        clearTimeout(helloTimer);
        for (const event of bridgeEventNames) {
          const listener = (payload: unknown) => ws.send(JSON.stringify({ event, payload }));
          this.core.events.on(event, listener);
          unsubscribe.push(() => this.core.events.off(event, listener));
        }
        return ws.send(JSON.stringify({ ready: true }));
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
