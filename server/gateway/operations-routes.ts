import type { IncomingMessage } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PROTOCOL_VERSION } from '../../shared/protocol/frames.ts';
import type { Db } from '../store/database.ts';
import { type HttpRoutes, sendJson } from './http-kit.ts';
import type { GatewayCounters, SocketGateway } from './socket-gateway.ts';
import { statfsSync } from 'node:fs';
import type { ServerConfig } from '../config.ts';
import type { WriteHealth } from '../store/write-health.ts';
import { clientAddress, isLoopback } from './client-address.ts';
import { MAX_LIVE_BUFFER_BYTES } from './connection.ts';
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
    gateway: Pick<SocketGateway, 'connectionCount' | 'bufferedBytes' | 'counters'>;
    socketsPerUser: number;
    config: Pick<ServerConfig, 'dataDir' | 'metricsToken' | 'trustProxy'>;
  },
): void {
  const { config, gateway } = deps;
  /** Who may read /metrics: a bearer token when one is set, else loopback clients only. */
  const mayReadMetrics = (req: IncomingMessage) =>
    config.metricsToken !== null
      ? sameSecret(bearerToken(req) ?? '', config.metricsToken)
      : isLoopback(clientAddress(req, config.trustProxy));
  /** The data folder's file system: free and total bytes. */
  const disk = () => {
    const fs = statfsSync(config.dataDir);
    return { available: fs.bavail * fs.bsize, total: fs.blocks * fs.bsize };
  };
  // How long ready work waited for the event loop since the last scrape: the first sign of overload.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  routes
    .add('GET', '/healthz', (_req, res) => sendJson(res, 200, { status: 'ok' }))
    .add('GET', '/readyz', (_req, res) => {
      try {
        deps.db.prepare('SELECT 1').get();
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
    .add('GET', '/metrics', (req, res) => {
      if (!mayReadMetrics(req))
        return sendJson(res, 403, {
          error: {
            code: 'forbidden',
            message: 'metrics are for monitoring: send the metrics token (--metrics-token-file), or scrape from this machine',
          },
        });
      const body = [
        '# TYPE portico_connections gauge',
        `portico_connections ${gateway.connectionCount}`,
        '# TYPE portico_data_free_bytes gauge',
        `portico_data_free_bytes ${disk().available}`,
        ...socketSeries({
          buffered: gateway.bufferedBytes,
          liveBufferLimit: MAX_LIVE_BUFFER_BYTES,
          perUserLimit: deps.socketsPerUser,
          counters: gateway.counters,
        }),
        '# TYPE portico_process_resident_bytes gauge',
        `portico_process_resident_bytes ${process.memoryUsage().rss}`,
        '# TYPE portico_event_loop_delay_seconds summary',
        `portico_event_loop_delay_seconds{quantile="0.5"} ${loopDelay.percentile(50) / 1e9}`,
        `portico_event_loop_delay_seconds{quantile="0.99"} ${loopDelay.percentile(99) / 1e9}`,
        `portico_event_loop_delay_seconds{quantile="1"} ${loopDelay.max / 1e9}`,
      ].join('\n');
      loopDelay.reset();
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(`${body}\n`);
    });
}

function socketSeries(s: {
  buffered: number;
  liveBufferLimit: number;
  perUserLimit: number;
  counters: GatewayCounters;
}): string[] {
  return [
    '# HELP portico_socket_buffered_bytes Bytes waiting in send buffers now (slow readers).',
    '# TYPE portico_socket_buffered_bytes gauge',
    `portico_socket_buffered_bytes ${s.buffered}`,
    '# HELP portico_socket_live_buffer_limit_bytes A live socket with more unsent bytes than this is cut (it resumes).',
    '# TYPE portico_socket_live_buffer_limit_bytes gauge',
    `portico_socket_live_buffer_limit_bytes ${s.liveBufferLimit}`,
    '# TYPE portico_sockets_per_user_limit gauge',
    `portico_sockets_per_user_limit ${s.perUserLimit}`,
    '# TYPE portico_sockets_cut_slow_total counter',
    `portico_sockets_cut_slow_total ${s.counters.closedSlow}`,
    '# TYPE portico_sockets_refused_total counter',
    `portico_sockets_refused_total{reason="per_user"} ${s.counters.refusedPerUser}`,
    `portico_sockets_refused_total{reason="per_address"} ${s.counters.refusedPerAddress}`,
  ];
}

/** Below this much free space the node is not ready: 2 % of the disk, at most 256 MiB. */
export function lowDiskBytes(total: number): number {
  return Math.min(256 * 2 ** 20, total * 0.02);
}
