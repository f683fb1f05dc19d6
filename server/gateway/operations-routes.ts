import type { IncomingMessage } from 'node:http';
import { PROTOCOL_VERSION } from '../../shared/protocol/frames.ts';
import { type Db, pingDatabase } from '../store/database.ts';
import { type HttpRoutes, sendJson } from './http-kit.ts';
import type { ServerMetrics } from '../ops/metrics.ts';
import { statfsSync } from 'node:fs';
import type { ServerConfig } from '../config.ts';
import type { WriteHealth } from '../store/write-health.ts';
import { clientAddress, isLoopback } from './client-address.ts';
import { bearerToken } from './http-kit.ts';
import { sameSecret } from './same-secret.ts';

/** What operators and load balancers ask: alive, ready (database answers, not shutting down), version, metrics. */
export function addOperationsRoutes(
  routes: HttpRoutes,
  deps: {
    db: Db;
    version: string;
    shuttingDown: () => boolean;
    /** Whether the last write succeeded (a full disk makes this node not ready). */
    health: WriteHealth;
    metrics: ServerMetrics;
    config: Pick<ServerConfig, 'dataDir' | 'metricsToken' | 'trustProxy'>;
  },
): void {
  const { config } = deps;
  /** Who may read /metrics: a bearer token when one is set, else loopback clients only. */
  const mayReadMetrics = (req: IncomingMessage) =>
    config.metricsToken !== null
      ? sameSecret(bearerToken(req) ?? '', config.metricsToken)
      : isLoopback(clientAddress(req, config.trustProxy));
  const disk = () => dataDisk(config.dataDir);
  routes
    .add('GET', '/healthz', (_req, res) => sendJson(res, 200, { status: 'ok' }))
    .add('GET', '/readyz', (_req, res) => {
      try {
        pingDatabase(deps.db);
        if (deps.shuttingDown()) return sendJson(res, 503, { status: 'shutting_down' });
        const writes = deps.health.status;
        if (!writes.ok) return sendJson(res, 503, { status: 'writes_failing', since: writes.since, reason: writes.reason });
        // Small writes can still fit in pages SQLite already has while larger ones fail: the disk itself is asked.
        const space = disk();
        if (space.available < lowDiskBytes(space.total))
          return sendJson(res, 503, { status: 'disk_full', availableBytes: space.available, totalBytes: space.total });
        sendJson(res, 200, { status: 'ready' });
      } catch {
        sendJson(res, 503, { status: 'database_unavailable' });
      }
    })
    .add('GET', '/api/version', (_req, res) =>
      sendJson(res, 200, { serverVersion: deps.version, protocol: PROTOCOL_VERSION, minClientProtocol: 1 }),
    )
    .add('GET', '/metrics', async (req, res) => {
      if (!mayReadMetrics(req))
        return sendJson(res, 403, {
          error: {
            code: 'forbidden',
            message: 'metrics are for monitoring: send the metrics token (--metrics-token-file), or scrape from this machine',
          },
        });
      const body = await deps.metrics.text();
      res.writeHead(200, { 'content-type': deps.metrics.contentType }).end(body);
    });
}

/** The data folder's file system: free and total bytes. */
export function dataDisk(dataDir: string): { available: number; total: number } {
  const fs = statfsSync(dataDir);
  return { available: fs.bavail * fs.bsize, total: fs.blocks * fs.bsize };
}

/** Below this much free space the node is not ready: 2 % of the disk, at most 256 MiB. */
export function lowDiskBytes(total: number): number {
  return Math.min(256 * 2 ** 20, total * 0.02);
}
