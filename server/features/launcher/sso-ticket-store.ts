import type { Db } from '../../store/database.ts';

export interface IssuedTicketRow {
  jti: string;
  userId: string;
  toolId: string;
  kid: string;
  issuedAt: number;
  expiresAt: number;
}

/** Every launch ticket issued, so a tool that keeps no state can have one redeemed once. */
export class SsoTicketStore {
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

  insert(ticket: IssuedTicketRow): void {
    this.sql.insert.run(ticket);
  }

  known(jti: string): boolean {
    return this.sql.known.get(jti) !== undefined;
  }

  /** Marks the ticket used; false when it was used already. */
  redeem(jti: string, at: number): boolean {
    return this.sql.redeem.run(at, jti).changes === 1;
  }

  /** Drops tickets that expired before `before`; returns how many. */
  pruneExpiredBefore(before: number): number {
    return this.sql.prune.run(before).changes;
  }
}
