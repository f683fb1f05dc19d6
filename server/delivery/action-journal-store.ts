import type { Db } from '../store/database.ts';
import type { ActionJournal, JournalEntry } from './action-journal.ts';

/** The action journal on SQLite. */
export class ActionJournalStore implements ActionJournal {
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

  async find(userId: string, actionId: string): Promise<JournalEntry | undefined> {
    return this.findStmt.get(userId, actionId);
  }

  async record(userId: string, actionId: string, method: string, response: string, at: number): Promise<void> {
    this.recordStmt.run(userId, actionId, method, response, at);
  }

  async prune(before: number): Promise<number> {
    return this.pruneStmt.run(before).changes;
  }
}
