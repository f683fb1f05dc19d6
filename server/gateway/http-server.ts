import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { parseRequestTarget } from '../../shared/http/request-target.ts';
import type { WriteHealth } from '../store/write-health.ts';
import { httpDispatcher } from './http-dispatch.ts';
import type { HttpRoutes } from './http-kit.ts';
import type { SocketGateway } from './socket-gateway.ts';
import { type TlsFiles, type TlsMaterial, loadTls, watchTls } from './tls-files.ts';
import type { AccessLogDeps } from '../ops/access-log.ts';
import { inRequestScope, requestIdFrom } from '../ops/request-scope.ts';

/** Connections the kernel queues for accept (≤ net.core.somaxconn). At 9:00 Node's default 511 overflowed in the bench: dropped SYNs, retried after 1, 2, 4… s. */
const LISTEN_BACKLOG = 4096;

/**
 * The one port: HTTP routes, and the WebSocket upgrade at `/ws` only (anything else, or any
 * upgrade while shutting down, is a 404 and a closed socket). Resolves once listening.
 */
export async function listenHttp(deps: {
  routes: HttpRoutes;
  gateway: SocketGateway;
  health: WriteHealth;
  logger: Logger;
  access: Omit<AccessLogDeps, 'logger'>;
  host: string;
  port: number;
  shuttingDown: () => boolean;
  /** Serve HTTPS and WSS with these files, reloaded when they change; null for plain HTTP (behind a proxy). */
  tls: { files: TlsFiles; reloadMs: number; loaded: (material: TlsMaterial) => void } | null;
}): Promise<{ server: Server; port: number; url: string; stopWatching: () => void }> {
  const { logger, gateway } = deps;
  const options = { headersTimeout: 20_000, requestTimeout: 120_000 };
  const dispatch = httpDispatcher(deps.routes, logger, deps.health, deps.access);
  let stopWatching = () => {};
  let server: Server;
  if (deps.tls) {
    const { files, reloadMs, loaded } = deps.tls;
    // A server that cannot read its certificate does not start: said once, at start, in words.
    const first = loadTls(files);
    loaded(first);
    const tlsServer = createTlsServer({ ...options, cert: first.cert, key: first.key, minVersion: 'TLSv1.2' }, dispatch);
    stopWatching = watchTls(files, reloadMs, {
      changed: (material) => {
        tlsServer.setSecureContext({ cert: material.cert, key: material.key, minVersion: 'TLSv1.2' });
        loaded(material);
        logger.info(
          { subject: material.subject, notAfter: new Date(material.notAfter).toISOString() },
          'TLS certificate reloaded',
        );
      },
      failed: (error) =>
        logger.warn({ err: error }, 'TLS files changed but cannot be used yet; still serving the previous certificate'),
    });
    server = tlsServer;
  } else {
    server = createServer(options, dispatch);
  }
  server.on('upgrade', (req, socket, head) =>
    inRequestScope({ reqId: requestIdFrom(req.headers['x-request-id']) }, () => upgrade(req, socket, head)),
  );
  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const target = parseRequestTarget(req.url, (href) => new URL(href));
    if (!target.ok || target.url.pathname !== '/ws' || deps.shuttingDown()) {
      socket.on('error', () => socket.destroy());
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    try {
      gateway.handleUpgrade(req, socket, head);
    } catch (error) {
      logger.error({ err: error }, 'upgrade failed');
      socket.destroy();
    }
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: deps.port, host: deps.host, backlog: LISTEN_BACKLOG }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = deps.host === '0.0.0.0' || deps.host === '::' ? '127.0.0.1' : deps.host;
  const scheme = deps.tls ? 'https' : 'http';
  return { server, port, stopWatching, url: `${scheme}://${hostForUrl.includes(':') ? `[${hostForUrl}]` : hostForUrl}:${port}` };
}

/** Stops taking requests and ends the open ones. */
export function closeHttp(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
