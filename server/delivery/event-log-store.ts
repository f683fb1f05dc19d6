import type { Db } from '../store/database.ts';

export interface StoredEvent {
  seq: number;
  at: number;
  body: string;
}

/** The per-user event log's tables: heads, bodies stored once, and the rows that point at them. */
export class EventLogStore {
  private readonly db: Db;
  private readonly sql;

  constructor(db: Db) {
    this.db = db;
    this.sql = {
      bump: db.prepare<[string], { head_seq: number }>(
        `INSERT INTO user_logs (user_id, head_seq) VALUES (?, 1)
         ON CONFLICT (user_id) DO UPDATE SET head_seq = head_seq + 1 RETURNING head_seq`,
      ),
      insertBody: db.prepare<[string], { id: number }>('INSERT INTO event_bodies (body) VALUES (?) RETURNING id'),
      insert: db.prepare<[string, number, number, number]>('INSERT INTO events (user_id, seq, at, body_id) VALUES (?, ?, ?, ?)'),
      pageAfter: db.prepare<[string, number, number], StoredEvent>(
        `SELECT e.seq, e.at, b.body FROM events e JOIN event_bodies b ON b.id = e.body_id
         WHERE e.user_id = ? AND e.seq > ? ORDER BY e.seq LIMIT ?`,
      ),
      position: db.prepare<[string], { head_seq: number; floor_seq: number }>(
        'SELECT head_seq, floor_seq FROM user_logs WHERE user_id = ?',
      ),
      ackTo: db.prepare<[number, string, number]>(
        'UPDATE user_logs SET acked_seq = max(acked_seq, ?) WHERE user_id = ? AND ? <= head_seq',
      ),
      raiseFloors: db.prepare<[number, number]>(
        `UPDATE user_logs SET floor_seq = (
           SELECT max(seq) FROM events WHERE events.user_id = user_logs.user_id AND at < ?)
         WHERE EXISTS (SELECT 1 FROM events WHERE events.user_id = user_logs.user_id AND at < ?)`,
      ),
      pruneEvents: db.prepare<[number]>('DELETE FROM events WHERE at < ?'),
      pruneBodies: db.prepare(
        'DELETE FROM event_bodies WHERE NOT EXISTS (SELECT 1 FROM events WHERE events.body_id = event_bodies.id)',
      ),
    };
  }

  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  insertBody(json: string): number {
    return this.sql.insertBody.get(json)!.id;
  }

  /** The user's next seq: one more than their head, in the same transaction as the row that takes it. */
  nextSeq(userId: string): number {
    return this.sql.bump.get(userId)!.head_seq;
  }

  insert(userId: string, seq: number, at: number, bodyId: number): void {
    this.sql.insert.run(userId, seq, at, bodyId);
  }

  pageAfter(userId: string, since: number, limit: number): StoredEvent[] {
    return this.sql.pageAfter.all(userId, since, limit);
  }

  position(userId: string): { head: number; floor: number } {
    const row = this.sql.position.get(userId);
    return { head: row?.head_seq ?? 0, floor: row?.floor_seq ?? 0 };
  }

  recordAcks(acks: ReadonlyMap<string, number>): void {
    this.db.transaction(() => {
      for (const [userId, seq] of acks) this.sql.ackTo.run(seq, userId, seq);
    })();
  }

  /** Drops events before `cutoff`, raising each log's floor to the newest seq dropped; returns how many went. */
  pruneBefore(cutoff: number): number {
    return this.db.transaction(() => {
      this.sql.raiseFloors.run(cutoff, cutoff);
      const pruned = this.sql.pruneEvents.run(cutoff).changes;
      if (pruned > 0) this.sql.pruneBodies.run();
      return pruned;
    })();
  }
}
