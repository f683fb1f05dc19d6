import type { Db } from '../store/database.ts';

export interface JournalEntry {
  method: string;
  response: string;
}

/**
 * Client action ids with the answer their first run produced, written in the same transaction as
 * the effect: a retry after a dropped socket finds the answer and changes nothing.
 */
export class ActionJournalStore {
  private readonly findStmt;
  private readonly recordStmt;
  private readonly pruneStmt;

  constructor(db: Db) {
    this.findStmt = db.prepare<[string, string], JournalEntry>(
      'SELECT method, response FROM client_actions WHERE user_id = ? AND action_id = ?',
    );
    this.recordStmt = db.prepare(
      'INSERT INTO client_actions (user_id, action_id, method, response, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.pruneStmt = db.prepare('DELETE FROM client_actions WHERE created_at < ?');
  }

  find(userId: string, actionId: string): JournalEntry | undefined {
    return this.findStmt.get(userId, actionId);
  }

  record(userId: string, actionId: string, method: string, response: string, at: number): void {
    this.recordStmt.run(userId, actionId, method, response, at);
  }

  prune(before: number): number {
    return this.pruneStmt.run(before).changes;
  }
}
