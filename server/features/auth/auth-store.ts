import type { Db } from '../../store/database.ts';
import type { AuthRepository, RefreshTokenState, SessionState, SignInAccount } from './auth-repository.ts';

interface SessionRow {
  user_id: string;
  revoked_at: number | null;
  disabled: number;
}

const session = (row: SessionRow): SessionState => ({
  userId: row.user_id,
  revokedAt: row.revoked_at,
  accountDisabled: row.disabled === 1,
});

/** Accounts' sign-in data, sessions and refresh tokens on SQLite. */
export class AuthStore implements AuthRepository {
  private readonly sql;

  constructor(db: Db) {
    this.sql = {
      accountByUsername: db.prepare<[string], { id: string; username: string; password_hash: string; disabled: number }>(
        'SELECT id, username, password_hash, disabled FROM users WHERE username = ?',
      ),
      insertSession: db.prepare('INSERT INTO sessions (id, user_id, device_name, created_at) VALUES (?, ?, ?, ?)'),
      sessionById: db.prepare<[string], SessionRow>(
        'SELECT s.user_id, s.revoked_at, u.disabled FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?',
      ),
      revokeUserSessions: db.prepare<[number, string]>(
        'UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL',
      ),
      revokeSession: db.prepare<[number, string]>('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      insertRefresh: db.prepare('INSERT INTO refresh_tokens (token_hash, session_id, expires_at) VALUES (?, ?, ?)'),
      refreshByHash: db.prepare<[string], SessionRow & { session_id: string; expires_at: number; used_at: number | null }>(
        `SELECT rt.session_id, rt.expires_at, rt.used_at, s.user_id, s.revoked_at, u.disabled
         FROM refresh_tokens rt JOIN sessions s ON s.id = rt.session_id JOIN users u ON u.id = s.user_id
         WHERE rt.token_hash = ?`,
      ),
      markRefreshUsed: db.prepare<[number, string]>(
        'UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL',
      ),
    };
  }

  async accountByUsername(username: string): Promise<SignInAccount | null> {
    const row = this.sql.accountByUsername.get(username);
    return row ? { id: row.id, username: row.username, passwordHash: row.password_hash, disabled: row.disabled === 1 } : null;
  }

  async insertSession(sessionId: string, userId: string, deviceName: string | null, now: number): Promise<void> {
    this.sql.insertSession.run(sessionId, userId, deviceName, now);
  }

  async session(sessionId: string): Promise<SessionState | null> {
    const row = this.sql.sessionById.get(sessionId);
    return row ? session(row) : null;
  }

  async revokeSession(sessionId: string, now: number): Promise<boolean> {
    return this.sql.revokeSession.run(now, sessionId).changes === 1;
  }

  async revokeUserSessions(userId: string, now: number): Promise<number> {
    return this.sql.revokeUserSessions.run(now, userId).changes;
  }

  async insertRefresh(tokenHash: string, sessionId: string, expiresAt: number): Promise<void> {
    this.sql.insertRefresh.run(tokenHash, sessionId, expiresAt);
  }

  async refreshByHash(tokenHash: string): Promise<RefreshTokenState | null> {
    const row = this.sql.refreshByHash.get(tokenHash);
    return row ? { ...session(row), sessionId: row.session_id, expiresAt: row.expires_at, usedAt: row.used_at } : null;
  }

  async markRefreshUsed(tokenHash: string, now: number): Promise<boolean> {
    return this.sql.markRefreshUsed.run(now, tokenHash).changes === 1;
  }
}
