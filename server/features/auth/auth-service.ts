import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { LoginFailure, TokenPair } from '../../../shared/protocol/http-api.ts';
import type { AccessCheck, AccessTokens } from './access-tokens.ts';
import type { AuthStore } from './auth-store.ts';
import { dummyHashPromise, verifyPassword } from './password-hash.ts';

export interface AuthPolicy {
  maxFailedLogins: number;
  lockoutMs: number;
  refreshTtlMs: number;
}

export const defaultAuthPolicy: AuthPolicy = {
  maxFailedLogins: 5,
  lockoutMs: 15 * 60_000,
  refreshTtlMs: 30 * 24 * 3600_000,
};

export type LoginResult = { ok: true; userId: string; tokens: TokenPair } | { ok: false; failure: LoginFailure };
export type RefreshResult =
  { ok: true; userId: string; tokens: TokenPair } | { ok: false; reason: 'invalid' | 'reused' | 'expired' | 'revoked' };

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

export class AuthService {
  private readonly store: AuthStore;
  private readonly access: AccessTokens;
  private readonly clock: Clock;
  private readonly policy: AuthPolicy;

  constructor(store: AuthStore, access: AccessTokens, clock: Clock, policy: AuthPolicy = defaultAuthPolicy) {
    this.store = store;
    this.access = access;
    this.clock = clock;
    this.policy = policy;
  }

  async login(username: string, password: string, deviceName: string | undefined): Promise<LoginResult> {
    const account = this.store.accountByUsername.get(username);
    if (!account) {
      await verifyPassword(password, await dummyHashPromise);
      return { ok: false, failure: { code: 'unknown_user', username } };
    }
    const now = this.clock.now();
    if (account.disabled)
      return {
        ok: false,
        failure: { code: 'account_disabled', username: account.username },
      };
    if (account.locked_until !== null && account.locked_until > now) {
      return {
        ok: false,
        failure: {
          code: 'account_locked',
          username: account.username,
          until: account.locked_until,
        },
      };
    }
    // A lock that has run out starts a fresh count.
    const priorFailures = account.locked_until !== null ? 0 : account.failed_logins;
    if (!(await verifyPassword(password, account.password_hash))) {
      const failures = priorFailures + 1;
      if (failures >= this.policy.maxFailedLogins) {
        const until = now + this.policy.lockoutMs;
        this.store.setFailures.run(failures, until, account.id);
        return {
          ok: false,
          failure: {
            code: 'account_locked',
            username: account.username,
            until,
          },
        };
      }
      this.store.setFailures.run(failures, null, account.id);
      return {
        ok: false,
        failure: {
          code: 'wrong_password',
          username: account.username,
          attemptsLeft: this.policy.maxFailedLogins - failures,
        },
      };
    }
    this.store.recordSuccess.run(account.id);
    const sessionId = randomUUID();
    this.store.insertSession.run(sessionId, account.id, deviceName ?? null, now);
    return {
      ok: true,
      userId: account.id,
      tokens: await this.issuePair(account.id, sessionId),
    };
  }

  /** Rotation with reuse detection: a refresh token works once; presenting a used one ends the session. */
  async refresh(refreshToken: string): Promise<RefreshResult> {
    const hash = sha256(refreshToken);
    const row = this.store.refreshByHash.get(hash);
    if (!row) return { ok: false, reason: 'invalid' };
    const now = this.clock.now();
    if (row.revoked_at !== null) return { ok: false, reason: 'revoked' };
    if (row.used_at !== null) {
      this.store.revokeSession.run(now, row.session_id);
      return { ok: false, reason: 'reused' };
    }
    if (row.expires_at <= now) return { ok: false, reason: 'expired' };
    if (this.store.markRefreshUsed.run(now, hash).changes !== 1) return { ok: false, reason: 'reused' };
    return {
      ok: true,
      userId: row.user_id,
      tokens: await this.issuePair(row.user_id, row.session_id),
    };
  }

  /** Ends the session the token belongs to; returns its id so its sockets can be closed too. */
  logout(refreshToken: string): string | null {
    const row = this.store.refreshByHash.get(sha256(refreshToken));
    if (!row) return null;
    this.store.revokeSession.run(this.clock.now(), row.session_id);
    return row.session_id;
  }

  /** Checks the signature and expiry, then that the session has not been revoked. */
  async verifyAccess(token: string): Promise<AccessCheck> {
    const check = await this.access.verify(token);
    if (!check.ok) return check;
    const session = this.store.sessionById.get(check.claims.sessionId);
    if (!session || session.revoked_at !== null || session.user_id !== check.claims.userId) {
      return { ok: false, reason: 'invalid' };
    }
    return check;
  }

  private async issuePair(userId: string, sessionId: string): Promise<TokenPair> {
    const access = await this.access.issue(userId, sessionId);
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = this.clock.now() + this.policy.refreshTtlMs;
    this.store.insertRefresh.run(sha256(refreshToken), sessionId, refreshExpiresAt);
    return {
      accessToken: access.token,
      accessExpiresAt: access.expiresAt,
      refreshToken,
      refreshExpiresAt,
    };
  }
}
