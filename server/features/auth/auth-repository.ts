/**
 * Accounts' sign-in data, sessions and refresh tokens, as sign-in sees them: async, so an
 * implementation on a networked database (issue 23) fits the same service. SQLite's is
 * `auth-store.ts`; every implementation passes `auth-repository.contract.ts`. Nothing here decides
 * policy, and writes run inside the caller's unit of work.
 */

export interface SignInAccount {
  id: string;
  username: string;
  passwordHash: string;
  disabled: boolean;
}

export interface SessionState {
  userId: string;
  revokedAt: number | null;
  /** The account is disabled (its sessions count as ended). */
  accountDisabled: boolean;
}

export interface RefreshTokenState extends SessionState {
  sessionId: string;
  expiresAt: number;
  usedAt: number | null;
}

export interface AuthRepository {
  /** By user name, whatever its case. */
  accountByUsername(username: string): Promise<SignInAccount | null>;
  insertSession(sessionId: string, userId: string, deviceName: string | null, now: number): Promise<void>;
  session(sessionId: string): Promise<SessionState | null>;
  /** Ends a session; false when it had ended already. */
  revokeSession(sessionId: string, now: number): Promise<boolean>;
  /** Ends every live session of an account; returns how many. */
  revokeUserSessions(userId: string, now: number): Promise<number>;
  insertRefresh(tokenHash: string, sessionId: string, expiresAt: number): Promise<void>;
  refreshByHash(tokenHash: string): Promise<RefreshTokenState | null>;
  /** Marks a refresh token used; false when it was used already (two refreshes at once: one wins). */
  markRefreshUsed(tokenHash: string, now: number): Promise<boolean>;
}
