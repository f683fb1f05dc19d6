import { AsyncResource } from 'node:async_hooks';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { parseRequestTarget } from '../../shared/http/request-target.ts';
import { sendHttpError } from './http-errors.ts';
import { type HttpRoutes, sendJson } from './http-kit.ts';
import { type WriteHealth, storageErrorCode } from '../store/write-health.ts';
import { inRequestScope, requestIdFrom } from '../ops/request-scope.ts';
import { type AccessLogDeps, logAccess } from '../ops/access-log.ts';

/**
 * The HTTP side's one entry: every request gets an answer and nothing a handler throws, at once or
 * later, gets past here. The request target is parsed in one place (shared/http/request-target.ts);
 * HEAD is served wherever GET is; a known path with another method is a 405 with `Allow`.
 */
export function httpDispatcher(
  routes: HttpRoutes,
  logger: Logger,
  health: WriteHealth,
  access: Omit<AccessLogDeps, 'logger'>,
): RequestListener {
  const failed = (res: ServerResponse, error: unknown, path: string) => {
    // A write the storage refused (a full disk) is the server's condition, not this request's fault.
    if (storageErrorCode(error)) {
      health.failed(error);
      if (!res.headersSent)
        return sendJson(
          res,
          503,
          {
            error: {
              code: 'storage_unavailable',
              message: 'the server cannot store anything right now; nothing was saved, try again later',
            },
          },
          { 'retry-after': '30' },
        );
    }
    sendHttpError(res, error, logger, path);
  };
  // Every request has an id (the proxy's X-Request-Id, or a fresh one): it is sent back, and every
  // log line written while serving it carries it.
  return (req: IncomingMessage, res: ServerResponse) => {
    const reqId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('x-request-id', reqId);
    const started = performance.now();
    const ip = access.clientAddress(req); // now: the socket is gone by the time the response closes
    let pattern = 'unmatched';
    res.once('close', () =>
      inRequestScope({ reqId }, () => {
        // Logging and counting must never take the server down with them.
        try {
          logAccess({ ...access, logger }, req, res, { route: pattern, ip, ms: performance.now() - started });
        } catch (error) {
          logger.error({ err: error }, 'access log failed');
        }
      }),
    );
    inRequestScope({ reqId }, () => dispatch(req, res, (matched) => (pattern = matched)));
  };

  function dispatch(req: IncomingMessage, res: ServerResponse, matched: (pattern: string) => void): void {
    // A client that goes away mid-body makes the streams fail: that is the client's loss, not ours.
    // (Bound to this request's scope: a stream's error is emitted from outside it.)
    req.on(
      'error',
      AsyncResource.bind((error: Error) => logger.debug({ err: error }, 'request stream failed')),
    );
    res.on(
      'error',
      AsyncResource.bind((error: Error) => logger.debug({ err: error }, 'response stream failed')),
    );
    const target = parseRequestTarget(req.url, (href) => new URL(href));
    if (!target.ok) return sendJson(res, target.status, { error: { code: target.code, message: target.message } });
    const { url } = target;
    const method = req.method ?? 'GET';
    const route = routes.match(method, url.pathname);
    if (route !== null && 'pattern' in route) matched(route.pattern);
    if (route === null) return sendJson(res, 404, { error: { code: 'not_found', message: 'no such resource' } });
    if ('allow' in route)
      return sendJson(
        res,
        405,
        { error: { code: 'method_not_allowed', message: `${method} is not allowed here; use ${route.allow.join(', ')}` } },
        { allow: route.allow.join(', ') },
      );
    try {
      Promise.resolve(route.handler(req, res, url, route.params)).catch((error: unknown) => failed(res, error, url.pathname));
    } catch (error) {
      failed(res, error, url.pathname);
    }
  }
}
