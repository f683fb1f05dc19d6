import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { refusalCode } from '../gateway/http-kit.ts';
import type { ServerMetrics } from './metrics.ts';

export interface AccessLogDeps {
  logger: Logger;
  metrics: Pick<ServerMetrics, 'httpRequestSeconds' | 'refusals' | 'rateLimited'>;
  clientAddress: (req: IncomingMessage) => string;
}

/** Probes a load balancer or Prometheus sends every few seconds: logged at debug, not info. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);
/** Query parameters that can carry a credential: their values never reach the log. */
const SECRET_PARAMS = /^(token|access_token|refresh_token|ticket|code|state|password|key|signature|sig)$/i;

/**
 * The access log and the HTTP series, once per request when its connection is done with it: the
 * route pattern (not the raw path) labels the series, so a scanner walking random URLs cannot grow
 * them; the log line has the path with secret query values censored.
 */
export function logAccess(
  deps: Omit<AccessLogDeps, 'clientAddress'>,
  req: IncomingMessage,
  res: ServerResponse,
  { route, ip, ms }: { route: string; ip: string; ms: number },
): void {
  const method = req.method ?? 'GET';
  const status = res.writableFinished ? res.statusCode : 499; // 499: the client went away first (as nginx logs it)
  deps.metrics.httpRequestSeconds.observe({ method: knownMethod(method), route, status: String(status) }, ms / 1000);
  if (status >= 400 && status !== 499) deps.metrics.refusals.inc({ via: 'http', code: refusalCode(res) });
  if (status === 429) deps.metrics.rateLimited.inc({ limiter: `http_${route === 'unmatched' ? 'other' : route}` });
  const path = censoredTarget(req.url ?? '/');
  const line = {
    method,
    path,
    route,
    status,
    ms: Math.round(ms * 10) / 10,
    bytes: Number(res.getHeader('content-length') ?? 0),
    ip,
    ...(status >= 400 && status !== 499 ? { code: refusalCode(res) } : {}),
  };
  if (PROBES.has(route) && status < 400) deps.logger.debug(line, 'http request');
  else deps.logger.info(line, 'http request');
}

function knownMethod(method: string): string {
  return ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].includes(method) ? method : 'other';
}

/** The request target with the values of credential-like query parameters replaced. */
export function censoredTarget(target: string): string {
  const query = target.indexOf('?');
  if (query === -1) return target.slice(0, 2048);
  const params = new URLSearchParams(target.slice(query + 1));
  for (const name of new Set(params.keys())) if (SECRET_PARAMS.test(name)) params.set(name, '[redacted]');
  return `${target.slice(0, query)}?${params.toString()}`.slice(0, 2048);
}
