import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What every log line written while serving one request carries: the HTTP request's id, or the
 * socket and the call on it. Held in AsyncLocalStorage, so a line logged deep in a feature (or
 * after an await) names its request without a logger being passed down.
 */
export type RequestScope = { reqId: string } | { conn: string; call: string; method: string };

const scopes = new AsyncLocalStorage<RequestScope>();

export function inRequestScope<T>(scope: RequestScope, work: () => T): T {
  return scopes.run(scope, work);
}

export function currentRequestScope(): RequestScope | undefined {
  return scopes.getStore();
}

/** A proxy's or client's X-Request-Id when it is a sane token; otherwise a fresh one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && /^[A-Za-z0-9._:-]{8,128}$/.test(given) ? given : randomUUID();
}
