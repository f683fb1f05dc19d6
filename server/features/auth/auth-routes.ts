import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { LoginRequest, RefreshRequest } from '../../../shared/protocol/http-api.ts';
import { PROTOCOL_VERSION } from '../../../shared/protocol/frames.ts';
import { HttpProblem, type HttpRoutes, readJson, sendJson } from '../../gateway/http-kit.ts';
import { KeyedBuckets } from '../../gateway/token-bucket.ts';
import type { DirectoryStore } from '../directory/directory-store.ts';
import type { AuthService } from './auth-service.ts';
import { HashingBusy } from './hashing-queue.ts';

const loginStatus = {
  wrong_credentials: 401,
  login_throttled: 429,
  account_disabled: 403,
  // What older servers said; this one no longer does.
  wrong_password: 401,
  unknown_user: 401,
  account_locked: 423,
} as const;

export function addAuthRoutes(
  routes: HttpRoutes,
  deps: {
    auth: AuthService;
    directory: DirectoryStore;
    logger: Logger;
    /** Who is asking (the one client-address rule, honouring --trust-proxy). */
    clientAddress: (req: IncomingMessage) => string;
    onLogout: (sessionRefreshToken: string) => Promise<void>;
  },
): void {
  // Logins, per remote address: 10 attempts at once, then one every 2 s, so guessing is slow but typos are not.
  const admitLogin = perAddress(10, 0.5, deps.clientAddress);
  // Refreshes cannot be guessed (256 random bits); the bound only keeps one address from hogging the CPU.
  // It is wide because a branch office behind one NAT address refreshes all its PCs at 9:00.
  const admitRefresh = perAddress(1000, 200, deps.clientAddress);

  routes.add('POST', '/api/auth/login', async (req, res) => {
    admitLogin(req);
    const body = await readJson(req, LoginRequest);
    let result;
    try {
      result = await deps.auth.login(body.username, body.password, body.deviceName, deps.clientAddress(req));
    } catch (error) {
      if (!(error instanceof HashingBusy)) throw error;
      throw new HttpProblem(429, 'rate_limited', error.message, { retryAfterMs: error.retryAfterMs });
    }
    const ip = deps.clientAddress(req);
    if (!result.ok) {
      const { failure } = result;
      // Not the name typed: people type their password into the name box, and it would land here.
      deps.logger.warn({ ip, code: failure.code }, 'sign-in refused');
      const status = failure.code === 'rate_limited' ? 429 : failure.code === 'invalid_request' ? 400 : loginStatus[failure.code];
      return sendJson(res, status, {
        error: { ...failure, message: `login refused: ${failure.code}` },
      });
    }
    deps.logger.info({ userId: result.userId, ip, device: body.deviceName ?? null }, 'signed in');
    sendJson(res, 200, {
      ...result.tokens,
      user: deps.directory.profile(result.userId),
      protocol: PROTOCOL_VERSION,
    });
  });

  routes.add('POST', '/api/auth/refresh', async (req, res) => {
    admitRefresh(req);
    const body = await readJson(req, RefreshRequest);
    const result = await deps.auth.refresh(body.refreshToken);
    if (!result.ok)
      return sendJson(res, 401, {
        error: {
          code: `refresh_${result.reason}`,
          message: `refresh token ${result.reason}`,
        },
      });
    sendJson(res, 200, {
      ...result.tokens,
      user: deps.directory.profile(result.userId),
      protocol: PROTOCOL_VERSION,
    });
  });

  routes.add('POST', '/api/auth/logout', async (req, res) => {
    const body = await readJson(req, RefreshRequest);
    await deps.onLogout(body.refreshToken);
    sendJson(res, 200, { ok: true });
  });
}

/** A token bucket per remote address; 429 with `retryAfterMs` when it is empty. */
function perAddress(
  burst: number,
  perSecond: number,
  addressOf: (req: IncomingMessage) => string,
): (req: IncomingMessage) => void {
  const buckets = new KeyedBuckets(burst, perSecond);
  return (req) => {
    const retryAfterMs = buckets.take(addressOf(req));
    if (retryAfterMs !== null) {
      throw new HttpProblem(429, 'rate_limited', `too many attempts; retry in ${Math.ceil(retryAfterMs / 1000)} s`, {
        retryAfterMs,
      });
    }
  };
}
