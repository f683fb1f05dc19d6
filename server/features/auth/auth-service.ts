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
  /** A refresh answer lost in transit: the same token again within this window gets the same new pair. */
  refreshGraceMs: number;
}

export const defaultAuthPolicy: AuthPolicy = {
  maxFailedLogins: 5,
  lockoutMs: 15 * 60_000,
  refreshTtlMs: 30 * 24 * 3600_000,
  refreshGraceMs: 60_000,
};

export type LoginResult = { ok: true; userId: string; tokens: TokenPair } | { ok: false; failure: LoginFailure };
export type RefreshResult =
  { ok: true; userId: string; tokens: TokenPair } | { ok: false; reason: 'invalid' | 'reused' | 'expired' | 'revoked' };

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

/** Told when sessions end by the server's decision, so their open sockets close at once. */
export type SessionsEnded = (ended: { sessionId: string } | { userId: string }, reason: string) => void;

export class AuthService {
  private readonly ended: SessionsEnded[] = [];
  /** The pair each token was just rotated into, kept for the grace window (hash of the old token → answer). */
  private readonly rotated = new Map<string, { at: number; result: RefreshResult }>();
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
    if (row.revoked_at !== null || row.disabled) return { ok: false, reason: 'revoked' };
    if (row.used_at !== null) {
      // The answer to a refresh was lost (flaky Wi-Fi) and the PC asks again: the same answer, not a sign-out.
      const earlier = this.rotated.get(hash);
      if (earlier && now - earlier.at <= this.policy.refreshGraceMs) return earlier.result;
      // A used token again: stolen, or a copy of the PC's state. The session ends everywhere, sockets included.
      this.store.revokeSession.run(now, row.session_id);
      this.announce({ sessionId: row.session_id }, 'refresh token reused');
      return { ok: false, reason: 'reused' };
    }
    if (row.expires_at <= now) return { ok: false, reason: 'expired' };
    if (this.store.markRefreshUsed.run(now, hash).changes !== 1) return { ok: false, reason: 'reused' };
    const result: RefreshResult = { ok: true, userId: row.user_id, tokens: await this.issuePair(row.user_id, row.session_id) };
    // Oldest first (insertion order): stop at the first one still inside the window.
    for (const [key, entry] of this.rotated) {
      if (now - entry.at <= this.policy.refreshGraceMs) break;
      this.rotated.delete(key);
    }
    this.rotated.set(hash, { at: now, result });
    return result;
  }

  /** Ends the session the token belongs to; returns its id so its sockets can be closed too. */
  logout(refreshToken: string): string | null {
    const row = this.store.refreshByHash.get(sha256(refreshToken));
    if (!row) return null;
    this.store.revokeSession.run(this.clock.now(), row.session_id);
    return row.session_id;
  }

  /** Checks the signature and expiry, then that the session has not been revoked and the account is active. */
  async verifyAccess(token: string): Promise<AccessCheck> {
    const check = await this.access.verify(token);
    if (!check.ok) return check;
    if (!this.sessionLive(check.claims.sessionId, check.claims.userId)) return { ok: false, reason: 'invalid' };
    return check;
  }

  /** The session exists, is not revoked, and its account is not disabled (every socket request asks). */
  sessionLive(sessionId: string, userId: string): boolean {
    const session = this.store.sessionById.get(sessionId);
    return session !== undefined && session.revoked_at === null && !session.disabled && session.user_id === userId;
  }

  /** Ends every session of an account (disabled, removed by the directory): refreshes fail, sockets close. */
  endAllSessions(userId: string, reason: string): number {
    const ended = this.store.revokeUserSessions.run(this.clock.now(), userId).changes;
    this.announce({ userId }, reason);
    return ended;
  }

  onSessionsEnded(listener: SessionsEnded): void {
    this.ended.push(listener);
  }

  private announce(ended: { sessionId: string } | { userId: string }, reason: string): void {
    for (const listener of this.ended) listener(ended, reason);
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
