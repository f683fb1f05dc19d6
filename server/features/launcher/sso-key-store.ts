import type { Db } from '../../store/database.ts';

export type SsoKeyState = 'next' | 'active' | 'retired';

export interface SsoKeyRow {
  kid: string;
  state: SsoKeyState;
  publicJwk: string;
  /** Gone once the key retires: it never signs again. */
  privatePem: string | null;
  activatedAt: number | null;
  unpublishAt: number | null;
}

export interface NewSsoKey {
  kid: string;
  state: SsoKeyState;
  publicJwk: string;
  privatePem: string;
  now: number;
  activatedAt: number | null;
}

const COLUMNS = `kid, state, public_jwk AS publicJwk, private_pem AS privatePem, activated_at AS activatedAt,
  unpublish_at AS unpublishAt`;

/** The launch tickets' signing keys, shared by every node through the database. */
export class SsoKeyStore {
  private readonly db: Db;
  private readonly sql;

  constructor(db: Db) {
    this.db = db;
    this.sql = {
      byState: db.prepare<[string], SsoKeyRow>(
        `SELECT ${COLUMNS} FROM sso_keys WHERE state = ? ORDER BY created_at DESC LIMIT 1`,
      ),
      published: db.prepare<[number], SsoKeyRow>(
        `SELECT ${COLUMNS} FROM sso_keys WHERE state != 'retired' OR unpublish_at > ?
         ORDER BY CASE state WHEN 'active' THEN 0 WHEN 'next' THEN 1 ELSE 2 END, created_at DESC`,
      ),
      insert: db.prepare<NewSsoKey>(
        `INSERT INTO sso_keys (kid, state, public_jwk, private_pem, created_at, activated_at)
         VALUES (@kid, @state, @publicJwk, @privatePem, @now, @activatedAt)`,
      ),
      activate: db.prepare<[number, string]>(
        "UPDATE sso_keys SET state = 'active', activated_at = ? WHERE kid = ? AND state = 'next'",
      ),
      retire: db.prepare<[number, number, string]>(
        "UPDATE sso_keys SET state = 'retired', private_pem = NULL, retired_at = ?, unpublish_at = ? WHERE kid = ? AND state = 'active'",
      ),
      prune: db.prepare<[number]>("DELETE FROM sso_keys WHERE state = 'retired' AND unpublish_at <= ?"),
    };
  }

  /** Runs `work` in one transaction: two nodes rotating at once leave one winner. */
  atomically<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** The newest key in this state, if any. */
  withState(state: 'next' | 'active'): SsoKeyRow | undefined {
    return this.sql.byState.get(state);
  }

  /** The keys a JWKS publishes at `now`: active first, then next, then retired ones still covering tickets. */
  published(now: number): SsoKeyRow[] {
    return this.sql.published.all(now);
  }

  insert(key: NewSsoKey): void {
    this.sql.insert.run(key);
  }

  activate(kid: string, now: number): void {
    this.sql.activate.run(now, kid);
  }

  /** Retires the active key `kid`, dropping its private half; false when it is not the active key any more. */
  retire(kid: string, now: number, unpublishAt: number): boolean {
    return this.sql.retire.run(now, unpublishAt, kid).changes === 1;
  }

  /** Forgets retired keys no longer published at `now`. */
  prune(now: number): void {
    this.sql.prune.run(now);
  }
}
