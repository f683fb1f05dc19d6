import type { IncomingMessage } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PROTOCOL_VERSION } from '../../shared/protocol/frames.ts';
import type { Db } from '../store/database.ts';
import { type HttpRoutes, sendJson } from './http-kit.ts';

/** What operators and load balancers ask: alive, ready (database answers, not shutting down), version, metrics. */
export function addOperationsRoutes(
  routes: HttpRoutes,
  deps: {
    db: Db;
    version: string;
    shuttingDown: () => boolean;
    connections: () => number;
    /** Who may read /metrics: a bearer token when one is set, else loopback clients only. */
    mayReadMetrics: (req: IncomingMessage) => boolean;
  },
): void {
  // How long ready work waited for the event loop since the last scrape: the first sign of overload.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  routes
    .add('GET', '/healthz', (_req, res) => sendJson(res, 200, { status: 'ok' }))
    .add('GET', '/readyz', (_req, res) => {
      try {
        deps.db.prepare('SELECT 1').get();
        const down = deps.shuttingDown();
        sendJson(res, down ? 503 : 200, { status: down ? 'shutting_down' : 'ready' });
      } catch {
        sendJson(res, 503, { status: 'database_unavailable' });
      }
    })
    .add('GET', '/api/version', (_req, res) =>
      sendJson(res, 200, { serverVersion: deps.version, protocol: PROTOCOL_VERSION, minClientProtocol: 1 }),
    )
    .add('GET', '/metrics', (req, res) => {
      if (!deps.mayReadMetrics(req))
        return sendJson(res, 403, {
          error: {
            code: 'forbidden',
            message: 'metrics are for monitoring: send the metrics token (--metrics-token-file), or scrape from this machine',
          },
        });
      const body = [
        '# TYPE portico_connections gauge',
        `portico_connections ${deps.connections()}`,
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
