import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { LoginFailure, TokenPair } from '../../../shared/protocol/http-api.ts';
import type { AccessCheck, AccessTokens } from './access-tokens.ts';
import type { UnitOfWork } from '../../delivery/write-gate.ts';
import type { AuthRepository } from './auth-repository.ts';
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
  private readonly store: AuthRepository;
  private readonly units: UnitOfWork;
  private readonly access: AccessTokens;
  private readonly clock: Clock;
  private readonly policy: AuthPolicy;

  private readonly guard: SignInGuard;
  private readonly hashing = new HashingQueue();

  constructor(
    store: AuthRepository,
    units: UnitOfWork,
    access: AccessTokens,
    clock: Clock,
    policy: AuthPolicy = defaultAuthPolicy,
    guard: SignInGuard = new SignInGuard(),
  ) {
    this.guard = guard;
    this.store = store;
    this.units = units;
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
    const account = await this.store.accountByUsername(username);
    const stored = account?.passwordHash ?? (await dummyHashPromise);
    const passwordRight = await this.hashing.run(() => verifyPassword(password, stored), this.guard.isKnown(username, address));
    if (!account || !passwordRight) {
      const { triesBeforeWait, nextWaitMs } = this.guard.failed(username, address);
      return { ok: false, failure: { code: 'wrong_credentials', username, triesBeforeWait, nextWaitMs } };
    }
    if (account.disabled) return { ok: false, failure: { code: 'account_disabled', username: account.username } };
    this.guard.succeeded(username, address);
    const sessionId = randomUUID();
    const now = this.clock.now();
    await this.units.transaction(() => this.store.insertSession(sessionId, account.id, deviceName ?? null, now));
    return {
      ok: true,
      userId: account.id,
      tokens: await this.issuePair(account.id, sessionId),
    };
  }

  /** Rotation with reuse detection: a refresh token works once; presenting a used one ends the session. */
  async refresh(refreshToken: string): Promise<RefreshResult> {
    const hash = sha256(refreshToken);
    const row = await this.store.refreshByHash(hash);
    if (!row) return { ok: false, reason: 'invalid' };
    const now = this.clock.now();
    if (row.revokedAt !== null || row.accountDisabled) return { ok: false, reason: 'revoked' };
    if (row.usedAt !== null) {
      // The answer to a refresh was lost (flaky Wi-Fi) and the PC asks again: the same answer, not a sign-out.
      const earlier = this.rotated.get(hash);
      if (earlier && now - earlier.at <= this.policy.refreshGraceMs) return earlier.result;
      // A used token again: stolen, or a copy of the PC's state. The session ends everywhere, sockets included.
      await this.units.transaction(() => this.store.revokeSession(row.sessionId, now));
      this.announce({ sessionId: row.sessionId }, 'refresh token reused');
      return { ok: false, reason: 'reused' };
    }
    if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
    if (!(await this.units.transaction(() => this.store.markRefreshUsed(hash, now)))) return { ok: false, reason: 'reused' };
    const result: RefreshResult = { ok: true, userId: row.userId, tokens: await this.issuePair(row.userId, row.sessionId) };
    // Oldest first (insertion order): stop at the first one still inside the window.
    for (const [key, entry] of this.rotated) {
      if (now - entry.at <= this.policy.refreshGraceMs) break;
      this.rotated.delete(key);
    }
    this.rotated.set(hash, { at: now, result });
    return result;
  }

  /** Ends the session the token belongs to; returns its id so its sockets can be closed too. */
  async logout(refreshToken: string): Promise<string | null> {
    const row = await this.store.refreshByHash(sha256(refreshToken));
    if (!row) return null;
    const now = this.clock.now();
    await this.units.transaction(() => this.store.revokeSession(row.sessionId, now));
    return row.sessionId;
  }

  /** Checks the signature and expiry, then that the session has not been revoked and the account is active. */
  async verifyAccess(token: string): Promise<AccessCheck> {
    const check = await this.access.verify(token);
    if (!check.ok) return check;
    if (!(await this.sessionLive(check.claims.sessionId, check.claims.userId))) return { ok: false, reason: 'invalid' };
    return check;
  }

  /** The session exists, is not revoked, and its account is not disabled (every socket request asks). */
  async sessionLive(sessionId: string, userId: string): Promise<boolean> {
    const session = await this.store.session(sessionId);
    return session !== null && session.revokedAt === null && !session.accountDisabled && session.userId === userId;
  }

  /** Ends every session of an account (disabled, removed by the directory): refreshes fail, sockets close. */
  async endAllSessions(userId: string, reason: string): Promise<number> {
    const now = this.clock.now();
    const ended = await this.units.transaction(() => this.store.revokeUserSessions(userId, now));
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
    await this.units.transaction(() => this.store.insertRefresh(sha256(refreshToken), sessionId, refreshExpiresAt));
    return {
      accessToken: access.token,
      accessExpiresAt: access.expiresAt,
      refreshToken,
      refreshExpiresAt,
    };
  }
}
