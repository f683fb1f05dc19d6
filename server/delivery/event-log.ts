import type { Clock } from '../../shared/domain/clock.ts';
import { UserEvent } from '../../shared/protocol/events.ts';
import type { AppendedEvent } from './event-bus.ts';
import type { Db } from '../store/database.ts';

export interface LogPosition {
  head: number;
  floor: number;
}

/** The append-only, per-user event log. Appends must run inside a WriteGate transaction. */
export class EventLog {
  private readonly bump;
  private readonly insert;
  private readonly insertBody;
  private readonly pageAfter;
  private readonly positionOf;
  private readonly ackTo;

  private readonly db: Db;

  private readonly clock: Clock;

  constructor(db: Db, clock: Clock) {
    this.db = db;

    this.clock = clock;
    this.bump = db.prepare<[string], { head_seq: number }>(
      `INSERT INTO user_logs (user_id, head_seq) VALUES (?, 1)
       ON CONFLICT (user_id) DO UPDATE SET head_seq = head_seq + 1 RETURNING head_seq`,
    );
    this.insertBody = db.prepare<[string], { id: number }>('INSERT INTO event_bodies (body) VALUES (?) RETURNING id');
    this.insert = db.prepare('INSERT INTO events (user_id, seq, at, body_id) VALUES (?, ?, ?, ?)');
    this.pageAfter = db.prepare<[string, number, number], { seq: number; at: number; body: string }>(
      `SELECT e.seq, e.at, b.body FROM events e JOIN event_bodies b ON b.id = e.body_id
       WHERE e.user_id = ? AND e.seq > ? ORDER BY e.seq LIMIT ?`,
    );
    this.positionOf = db.prepare<[string], { head_seq: number; floor_seq: number }>(
      'SELECT head_seq, floor_seq FROM user_logs WHERE user_id = ?',
    );
    this.ackTo = db.prepare('UPDATE user_logs SET acked_seq = max(acked_seq, ?) WHERE user_id = ? AND ? <= head_seq');
  }

  /** The body is stored once, however many logs the event enters (a notice to 10,000 people is one row of text). */
  append(userIds: Iterable<string>, event: UserEvent): AppendedEvent[] {
    if (!this.db.inTransaction) throw new Error('EventLog.append must run inside a WriteGate transaction');
    const at = this.clock.now();
    const appended: AppendedEvent[] = [];
    let bodyId: number | null = null;
    const json = JSON.stringify(event);
    for (const userId of new Set(userIds)) {
      bodyId ??= this.insertBody.get(json)!.id;
      const { head_seq: seq } = this.bump.get(userId)!;
      this.insert.run(userId, seq, at, bodyId);
      appended.push({ userId, seq, at, event, json });
    }
    return appended;
  }

  readAfter(userId: string, since: number, limit: number): AppendedEvent[] {
    return this.pageAfter.all(userId, since, limit).map((row) => ({
      userId,
      seq: row.seq,
      at: row.at,
      event: UserEvent.parse(JSON.parse(row.body)),
      json: row.body,
    }));
  }

  position(userId: string): LogPosition {
    const row = this.positionOf.get(userId);
    return { head: row?.head_seq ?? 0, floor: row?.floor_seq ?? 0 };
  }

  recordAcks(acks: ReadonlyMap<string, number>): void {
    this.db.transaction(() => {
      for (const [userId, seq] of acks) this.ackTo.run(seq, userId, seq);
    })();
  }

  /** Drops events older than the retention window; a resume from before the floor gets `resync`. */
  prune(retentionMs: number): number {
    const cutoff = this.clock.now() - retentionMs;
    return this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE user_logs SET floor_seq = (
             SELECT max(seq) FROM events WHERE events.user_id = user_logs.user_id AND at < ?)
           WHERE EXISTS (SELECT 1 FROM events WHERE events.user_id = user_logs.user_id AND at < ?)`,
        )
        .run(cutoff, cutoff);
      const pruned = this.db.prepare('DELETE FROM events WHERE at < ?').run(cutoff).changes;
      if (pruned > 0) {
        this.db
          .prepare('DELETE FROM event_bodies WHERE NOT EXISTS (SELECT 1 FROM events WHERE events.body_id = event_bodies.id)')
          .run();
      }
      return pruned;
    })();
  }
}
