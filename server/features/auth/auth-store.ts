import type { Db } from '../../store/database.ts';

export interface AccountRow {
  id: string;
  username: string;
  password_hash: string;
  disabled: number;
  failed_logins: number;
  locked_until: number | null;
}

/** SQL for accounts, sessions and refresh tokens; nothing here decides policy. */
export class AuthStore {
  readonly accountByUsername;
  readonly insertSession;
  readonly sessionById;
  readonly revokeSession;
  readonly revokeUserSessions;
  readonly insertRefresh;
  readonly refreshByHash;
  readonly markRefreshUsed;

  readonly db: Db;

  constructor(db: Db) {
    this.db = db;
    this.accountByUsername = db.prepare<[string], AccountRow>(
      'SELECT id, username, password_hash, disabled, failed_logins, locked_until FROM users WHERE username = ?',
    );
    this.insertSession = db.prepare('INSERT INTO sessions (id, user_id, device_name, created_at) VALUES (?, ?, ?, ?)');
    this.sessionById = db.prepare<[string], { user_id: string; revoked_at: number | null; disabled: number }>(
      'SELECT s.user_id, s.revoked_at, u.disabled FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?',
    );
    this.revokeUserSessions = db.prepare<[number, string]>(
      'UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL',
    );
    this.revokeSession = db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
    this.insertRefresh = db.prepare('INSERT INTO refresh_tokens (token_hash, session_id, expires_at) VALUES (?, ?, ?)');
    this.refreshByHash = db.prepare<
      [string],
      {
        session_id: string;
        expires_at: number;
        used_at: number | null;
        user_id: string;
        revoked_at: number | null;
        disabled: number;
      }
    >(
      `SELECT rt.session_id, rt.expires_at, rt.used_at, s.user_id, s.revoked_at, u.disabled
       FROM refresh_tokens rt JOIN sessions s ON s.id = rt.session_id JOIN users u ON u.id = s.user_id
       WHERE rt.token_hash = ?`,
    );
    this.markRefreshUsed = db.prepare('UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL');
  }
}
