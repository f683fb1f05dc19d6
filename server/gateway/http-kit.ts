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

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
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
  return parsed.data;
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7).trim() || null : null;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

/** Exact-path routing: the API is small and flat, and a framework would be more code than this. */
export class HttpRoutes {
  private readonly table = new Map<string, RouteHandler>();

  add(method: 'GET' | 'POST', path: string, handler: RouteHandler): this {
    this.table.set(`${method} ${path}`, handler);
    return this;
  }

  match(method: string, path: string): RouteHandler | 'method_not_allowed' | null {
    const handler = this.table.get(`${method} ${path}`);
    if (handler) return handler;
    for (const key of this.table.keys()) if (key.endsWith(` ${path}`)) return 'method_not_allowed';
    return null;
  }
}
