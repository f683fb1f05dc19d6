import type { SignedInSession } from '../session/signed-in-session.ts';

/**
 * Fetches from the server when online and keeps a copy under `key`; offline (or on a transport
 * error) returns the copy kept last time, read back through `schema` so an old shape is dropped.
 */
export async function fetchOrKept<T>(
  s: SignedInSession | null,
  key: string,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  fetch: (s: SignedInSession) => Promise<T>,
): Promise<T | null> {
  if (!s) return null;
  if (s.sync.state === 'online') {
    try {
      const value = await fetch(s);
      s.cache.state.set(key, value);
      return value;
    } catch {
      // Fall through to the kept copy.
    }
  }
  return s.cache.state.parsed(key, schema);
}
