import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { LoginFailure, TokenPair } from '../../../shared/protocol/http-api.ts';
import type { AccessCheck, AccessTokens } from './access-tokens.ts';
import type { AuthStore } from './auth-store.ts';
import { HashingQueue } from './hashing-queue.ts';
import { dummyHashPromise, verifyPassword } from './password-hash.ts';
import { SignInGuard } from './sign-in-guard.ts';

export interface AuthPolicy {
  refreshTtlMs: number;
  /** A refresh answer lost in transit: the same token again within this window gets the same new pair. */
  refreshGraceMs: number;
}

export const defaultAuthPolicy: AuthPolicy = {
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

  private readonly guard: SignInGuard;
  private readonly hashing = new HashingQueue();

  constructor(
    store: AuthStore,
    access: AccessTokens,
    clock: Clock,
    policy: AuthPolicy = defaultAuthPolicy,
    guard: SignInGuard = new SignInGuard(),
  ) {
    this.guard = guard;
    this.store = store;
    this.access = access;
    this.clock = clock;
    this.policy = policy;
  }

  /**
   * A password sign-in. Every refusal an outsider can probe looks and takes the same: an unknown
   * name and a wrong password are both `wrong_credentials` after a full scrypt, and the per-name
   * throttle keeps a budget for names that do not exist too. Only the right password learns that
   * an account is disabled.
   */
  async login(username: string, password: string, deviceName: string | undefined, address = 'unknown'): Promise<LoginResult> {
    const verdict = this.guard.check(username, address);
    if (!verdict.allowed)
      return { ok: false, failure: { code: 'login_throttled', username, retryAfterMs: verdict.retryAfterMs } };
    const account = this.store.accountByUsername.get(username);
    const stored = account?.password_hash ?? (await dummyHashPromise);
    const passwordRight = await this.hashing.run(() => verifyPassword(password, stored), this.guard.isKnown(username, address));
    if (!account || !passwordRight) {
      const { triesBeforeWait, nextWaitMs } = this.guard.failed(username, address);
      return { ok: false, failure: { code: 'wrong_credentials', username, triesBeforeWait, nextWaitMs } };
    }
    if (account.disabled) return { ok: false, failure: { code: 'account_disabled', username: account.username } };
    this.guard.succeeded(username, address);
    const sessionId = randomUUID();
    this.store.insertSession.run(sessionId, account.id, deviceName ?? null, this.clock.now());
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
