import type { Db } from '../../store/database.ts';
import type { NewSsoKey, SsoKeyRepository, SsoKeyRow } from './launcher-repositories.ts';

const COLUMNS = `kid, state, public_jwk AS publicJwk, private_pem AS privatePem, activated_at AS activatedAt,
  unpublish_at AS unpublishAt`;

/** The launch tickets' signing keys on SQLite. */
export class SsoKeyStore implements SsoKeyRepository {
  private readonly sql;

  constructor(db: Db) {
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

  /** The newest key in this state, if any. */
  async withState(state: 'next' | 'active'): Promise<SsoKeyRow | undefined> {
    return this.sql.byState.get(state);
  }

  /** The keys a JWKS publishes at `now`: active first, then next, then retired ones still covering tickets. */
  async published(now: number): Promise<SsoKeyRow[]> {
    return this.sql.published.all(now);
  }

  async insert(key: NewSsoKey): Promise<void> {
    this.sql.insert.run(key);
  }

  async activate(kid: string, now: number): Promise<void> {
    this.sql.activate.run(now, kid);
  }

  /** Retires the active key `kid`, dropping its private half; false when it is not the active key any more. */
  async retire(kid: string, now: number, unpublishAt: number): Promise<boolean> {
    return this.sql.retire.run(now, unpublishAt, kid).changes === 1;
  }

  /** Forgets retired keys no longer published at `now`. */
  async prune(now: number): Promise<void> {
    this.sql.prune.run(now);
  }
}
