import type { NetworkAccess, Response } from '../net/network-access.ts';
import type { SignInErrorView } from '../../../shared/bridge/views.ts';
import { PROTOCOL_VERSION } from '../../../shared/protocol/frames.ts';
import { LoginFailure, LoginResponse, VersionInfo } from '../../../shared/protocol/http-api.ts';

export type SignInOutcome = { ok: true; response: LoginResponse } | { ok: false; error: SignInErrorView };
export type RefreshOutcome = { ok: true; response: LoginResponse } | { ok: false; reason: 'rejected' | 'unreachable' };

const TIMEOUT_MS = 10_000;

/** Core's HTTP client: `NetworkAccess.fetch`, which applies the company's CAs and proxy. */
export type HttpFetch = NetworkAccess['fetch'];

async function post(fetch: HttpFetch, url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

/**
 * The HTTP half of signing in. Every failure becomes a value the UI can explain and act on:
 * which server was unreachable, how many tries are left, until when the account is locked.
 */
export async function signIn(
  fetch: HttpFetch,
  httpUrl: string,
  username: string,
  password: string,
  deviceName: string,
): Promise<SignInOutcome> {
  let version: VersionInfo;
  try {
    const res = await fetch(`${httpUrl}/api/version`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) return { ok: false, error: { code: 'server_error', url: httpUrl, status: res.status } };
    const parsed = VersionInfo.safeParse(await res.json());
    if (!parsed.success) return { ok: false, error: { code: 'server_too_old', serverVersion: 'unknown', url: httpUrl } };
    version = parsed.data;
  } catch {
    return { ok: false, error: { code: 'server_unreachable', url: httpUrl } };
  }
  if (version.protocol < PROTOCOL_VERSION) {
    return { ok: false, error: { code: 'server_too_old', serverVersion: version.serverVersion, url: httpUrl } };
  }
  if (version.minClientProtocol > PROTOCOL_VERSION) {
    return { ok: false, error: { code: 'client_too_old', serverVersion: version.serverVersion, url: httpUrl } };
  }
  let res: Response;
  try {
    res = await post(fetch, `${httpUrl}/api/auth/login`, { username, password, deviceName });
  } catch {
    return { ok: false, error: { code: 'server_unreachable', url: httpUrl } };
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) {
    const parsed = LoginResponse.safeParse(json);
    return parsed.success
      ? { ok: true, response: parsed.data }
      : { ok: false, error: { code: 'server_error', url: httpUrl, status: res.status } };
  }
  const failure = LoginFailure.safeParse((json as { error?: unknown } | null)?.error);
  if (failure.success && failure.data.code !== 'invalid_request') return { ok: false, error: failure.data };
  if (res.status === 429) return { ok: false, error: { code: 'rate_limited', retryAfterMs: 30_000 } };
  return { ok: false, error: { code: 'server_error', url: httpUrl, status: res.status } };
}

export async function refresh(fetch: HttpFetch, httpUrl: string, refreshToken: string): Promise<RefreshOutcome> {
  try {
    const res = await post(fetch, `${httpUrl}/api/auth/refresh`, { refreshToken });
    if (res.status === 401) return { ok: false, reason: 'rejected' };
    if (!res.ok) return { ok: false, reason: 'unreachable' };
    const parsed = LoginResponse.safeParse(await res.json());
    return parsed.success ? { ok: true, response: parsed.data } : { ok: false, reason: 'unreachable' };
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
}

export async function signOut(fetch: HttpFetch, httpUrl: string, refreshToken: string): Promise<void> {
  await post(fetch, `${httpUrl}/api/auth/logout`, { refreshToken }).catch(() => undefined);
}
