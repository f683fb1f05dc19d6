import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { parseRequestTarget } from '../../shared/http/request-target.ts';
import { sendHttpError } from './http-errors.ts';
import { type HttpRoutes, sendJson } from './http-kit.ts';
import { type WriteHealth, storageErrorCode } from '../store/write-health.ts';

/**
 * The HTTP side's one entry: every request gets an answer and nothing a handler throws, at once or
 * later, gets past here. The request target is parsed in one place (shared/http/request-target.ts);
 * HEAD is served wherever GET is; a known path with another method is a 405 with `Allow`.
 */
export function httpDispatcher(routes: HttpRoutes, logger: Logger, health: WriteHealth): RequestListener {
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
  return (req: IncomingMessage, res: ServerResponse) => {
    // A client that goes away mid-body makes the streams fail: that is the client's loss, not ours.
    req.on('error', (error) => logger.debug({ err: error }, 'request stream failed'));
    res.on('error', (error) => logger.debug({ err: error }, 'response stream failed'));
    const target = parseRequestTarget(req.url, (href) => new URL(href));
    if (!target.ok) return sendJson(res, target.status, { error: { code: target.code, message: target.message } });
    const { url } = target;
    const method = req.method ?? 'GET';
    const route = routes.match(method, url.pathname);
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
  };
}
