import type { Db } from '../../store/database.ts';
import type { IssuedTicketRow, SsoTicketRepository } from './launcher-repositories.ts';

/** Launch tickets on SQLite. */
export class SsoTicketStore implements SsoTicketRepository {
  private readonly sql;

  constructor(db: Db) {
    this.sql = {
      insert: db.prepare<IssuedTicketRow>(
        `INSERT INTO sso_tickets (jti, user_id, tool_id, kid, issued_at, expires_at)
         VALUES (@jti, @userId, @toolId, @kid, @issuedAt, @expiresAt)`,
      ),
      redeem: db.prepare<[number, string]>('UPDATE sso_tickets SET redeemed_at = ? WHERE jti = ? AND redeemed_at IS NULL'),
      known: db.prepare<[string], { jti: string }>('SELECT jti FROM sso_tickets WHERE jti = ?'),
      prune: db.prepare<[number]>('DELETE FROM sso_tickets WHERE expires_at < ?'),
    };
  }

  async insert(ticket: IssuedTicketRow): Promise<void> {
    this.sql.insert.run(ticket);
  }

  async known(jti: string): Promise<boolean> {
    return this.sql.known.get(jti) !== undefined;
  }

  /** Marks the ticket used; false when it was used already. */
  async redeem(jti: string, at: number): Promise<boolean> {
    return this.sql.redeem.run(at, jti).changes === 1;
  }

  /** Drops tickets that expired before `before`; returns how many. */
  async pruneExpiredBefore(before: number): Promise<number> {
    return this.sql.prune.run(before).changes;
  }
}
