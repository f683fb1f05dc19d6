import net from 'node:net';
import tls from 'node:tls';
import WebSocket from 'ws';
import type { SocketRoute } from '../net/network-access.ts';
import { type Failure, failureOfError } from './reconnect-policy.ts';

export interface Dialled {
  ws: WebSocket;
  /** Why the socket ended before it opened, as far as was seen; 'other' when nothing was. */
  failure(): Failure;
}

/**
 * Opens the socket, watching the TCP connect itself: when no packet comes back within
 * `connectTimeoutMs` (a dropped path, a link without carrier) the attempt ends as 'silent' at once
 * instead of waiting out the whole handshake timeout, so probing resumes while the SYNs are still
 * cheap. A server that accepted TCP but is slow to upgrade keeps the full handshake timeout. Through a
 * proxy the route's agent opens the tunnel (and the handshake timeout covers it); either way the
 * route's authorities are the ones trusted.
 */
export function dial(url: string, token: string, connectTimeoutMs: number, route: SocketRoute | null = null): Dialled {
  let failure: Failure | null = null;
  let tcpUp = false;
  const secure = url.startsWith('wss:');
  const ws = new WebSocket(url, {
    headers: { authorization: `Bearer ${token}` },
    handshakeTimeout: 10_000,
    maxPayload: 64 * 1024 * 1024,
    perMessageDeflate: false,
    ...(route ? { ca: route.ca } : {}),
    ...(route?.agent ? { agent: route.agent } : {}),
    // Typed by ws as net's createConnection; it is called with http.request's options, as ws's own
    // netConnect/tlsConnect are, which this follows (plus the watch on the connect).
    createConnection: ((options: net.NetConnectOpts & tls.ConnectionOptions & { socketPath?: string }) => {
      const host = options.host ?? '';
      const socket = secure
        ? tls.connect({ ...options, path: undefined, servername: options.servername ?? (net.isIP(host) ? '' : host) })
        : net.connect({ ...options, path: options.socketPath } as net.NetConnectOpts);
      socket.once(secure ? 'secureConnect' : 'connect', () => (tcpUp = true));
      return socket;
    }) as typeof net.createConnection,
  });
  // Through a proxy the TCP connect is the proxy's; the handshake timeout covers the tunnel.
  if (route?.agent) tcpUp = true;
  const timer = setTimeout(() => {
    if (tcpUp || ws.readyState !== WebSocket.CONNECTING) return;
    failure ??= { kind: 'silent' };
    ws.terminate();
  }, connectTimeoutMs);
  const settle = () => clearTimeout(timer);
  ws.once('open', settle);
  ws.once('close', settle);
  ws.on('error', (error) => (failure ??= failureOfError(error)));
  return { ws, failure: () => failure ?? { kind: 'other' } };
}
