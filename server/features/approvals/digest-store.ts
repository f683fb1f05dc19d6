import type { Db } from '../../store/database.ts';

/** Which approvers had their morning digest on which day: each person gets one a day, also across restarts. */
export class DigestStore {
  private readonly claimStmt;

  constructor(db: Db) {
    this.claimStmt = db.prepare<[string, string]>('INSERT OR IGNORE INTO approval_digests (user_id, day) VALUES (?, ?)');
  }

  /** True the first time for this person and day (`YYYY-MM-DD`); false when the digest went already. */
  claim(userId: string, day: string): boolean {
    return this.claimStmt.run(userId, day).changes > 0;
  }
}
