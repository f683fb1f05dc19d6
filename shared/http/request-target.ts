/**
 * The one reading of an HTTP request target, for every Node server in Portico (the server and the
 * browser host). Only origin-form targets (`/path?query`) are served: absolute-form (`http://h/x`),
 * authority-form (`host:443`) and asterisk-form (`*`) are proxy or CONNECT forms that no Portico
 * route answers. It never throws: `new URL('//', base)` did, and stopped the server.
 */
export const MAX_TARGET_LENGTH = 8 * 1024;

export type RequestTarget<U> =
  | { ok: true; url: U }
  | { ok: false; status: 400 | 414; code: 'bad_request_target' | 'request_target_too_long'; message: string };

/** Parses `raw` (an `IncomingMessage.url`) with `makeUrl` (the runtime's WHATWG URL) against a fixed origin. */
export function parseRequestTarget<U>(raw: string | undefined, makeUrl: (href: string) => U): RequestTarget<U> {
  const target = raw ?? '';
  if (target.length > MAX_TARGET_LENGTH)
    return {
      ok: false,
      status: 414,
      code: 'request_target_too_long',
      message: `the request target is longer than ${MAX_TARGET_LENGTH} characters`,
    };
  if (!target.startsWith('/'))
    return { ok: false, status: 400, code: 'bad_request_target', message: 'the request target must be a path starting with /' };
  try {
    // The origin is ours and fixed: a target can change the path and query, never the host.
    return { ok: true, url: makeUrl(`http://portico.invalid${target}`) };
  } catch {
    return { ok: false, status: 400, code: 'bad_request_target', message: 'the request target is not a valid path' };
  }
}
