import { bidiRefusal, disguisedPath } from '../../shared/domain/safe-text.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';

export const MAX_BODY_BYTES = 64 * 1024;

export class HttpProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly extra: Record<string, unknown>;
  constructor(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

/** The error code each refused response was answered with, for the access log and /metrics. */
const refusalCodes = new WeakMap<ServerResponse, string>();

/** The code of the error a response carried (`{ error: { code } }`), or its status for answers without one. */
export function refusalCode(res: ServerResponse): string {
  return refusalCodes.get(res) ?? `http_${res.statusCode}`;
}

/** A body that is not a promise: a forgotten `await` would otherwise be sent as `{}` with a 200. */
export type JsonBody<T> = T extends PromiseLike<unknown> ? never : T;

export function sendJson<T>(res: ServerResponse, status: number, body: JsonBody<T>, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  const code = (body as { error?: { code?: unknown } } | null)?.error?.code;
  if (status >= 400 && typeof code === 'string') refusalCodes.set(res, code);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...(status === 429 ? { 'retry-after': String(retryAfterSeconds(body)) } : {}),
    ...headers,
  });
  res.end(text);
}

/** Every 429 says when to come back (RFC 9110 Retry-After, whole seconds), from the body's retryAfterMs where it has one. */
function retryAfterSeconds(body: unknown): number {
  const error = (body as { error?: { retryAfterMs?: unknown; details?: { retryAfterMs?: unknown } } } | null)?.error;
  const ms = error?.retryAfterMs ?? error?.details?.retryAfterMs;
  return typeof ms === 'number' && Number.isFinite(ms) ? Math.max(1, Math.ceil(ms / 1000)) : 1;
}

/** Reads a JSON body of at most MAX_BODY_BYTES and validates it; every failure is a 4xx with a reason. */
export async function readJson<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.infer<S>> {
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new HttpProblem(415, 'unsupported_media_type', 'send the body as application/json');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpProblem(413, 'body_too_large', `the body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpProblem(400, 'malformed_json', 'the body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new HttpProblem(400, 'invalid_request', z.prettifyError(parsed.error));
  const disguised = disguisedPath(parsed.data);
  if (disguised !== null) throw new HttpProblem(400, 'invalid_request', `${disguised}: ${bidiRefusal}`);
  return parsed.data;
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7).trim() || null : null;
}

export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  params: Record<string, string>,
) => Promise<void> | void;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface Route {
  method: Method;
  segments: string[];
  handler: RouteHandler;
}

/**
 * Path routing with `:name` segments: the API is small and flat, and a framework would be more code
 * than this. Parameters are URL-decoded and limited to 200 characters.
 */
export class HttpRoutes {
  private readonly routes: Route[] = [];

  add(method: Method, path: string, handler: RouteHandler): this {
    this.routes.push({ method, segments: path.split('/'), handler });
    return this;
  }

  /**
   * The route for `method` and `path`; HEAD is answered wherever GET is. When only other methods
   * serve the path, the methods that do (for the 405's Allow header).
   */
  match(
    method: string,
    path: string,
  ): { handler: RouteHandler; params: Record<string, string>; pattern: string } | { allow: string[] } | null {
    const parts = path.split('/');
    const wanted = method === 'HEAD' ? 'GET' : method;
    const allow = new Set<string>();
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === wanted) return { handler: route.handler, params, pattern: route.segments.join('/') };
      allow.add(route.method);
      if (route.method === 'GET') allow.add('HEAD');
    }
    return allow.size > 0 ? { allow: [...allow].sort() } : null;
  }

  /** Every registered route, for tests that walk the whole API (fuzzing, authorisation). */
  list(): { method: Method; path: string }[] {
    return this.routes.map((route) => ({ method: route.method, path: route.segments.join('/') }));
  }
}

function matchSegments(pattern: readonly string[], parts: readonly string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of pattern.entries()) {
    const part = parts[index]!;
    if (segment.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(part);
      } catch {
        return null;
      }
      if (value === '' || value.length > 200) return null;
      params[segment.slice(1)] = value;
    } else if (segment !== part) {
      return null;
    }
  }
  return params;
}

/** Reads a raw body up to `limit` bytes; a larger one is refused with 413 before it is all read. */
export async function readBytes(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpProblem(413, 'body_too_large', `the body is larger than ${limit} bytes`, { limit });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpProblem(413, 'body_too_large', `the body is larger than ${limit} bytes`, { limit });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
