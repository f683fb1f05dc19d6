import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { parseRequestTarget } from '../../shared/http/request-target.ts';
import type { WriteHealth } from '../store/write-health.ts';
import { httpDispatcher } from './http-dispatch.ts';
import type { HttpRoutes } from './http-kit.ts';
import type { SocketGateway } from './socket-gateway.ts';
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
}): Promise<{ server: Server; port: number; url: string }> {
  const { logger, gateway } = deps;
  const server = createServer(
    { headersTimeout: 20_000, requestTimeout: 120_000 },
    httpDispatcher(deps.routes, logger, deps.health, deps.access),
  );
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
  return { server, port, url: `http://${hostForUrl.includes(':') ? `[${hostForUrl}]` : hostForUrl}:${port}` };
}

/** Stops taking requests and ends the open ones. */
export function closeHttp(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
