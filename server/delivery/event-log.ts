import type { Clock } from '../../shared/domain/clock.ts';
import { UserEvent } from '../../shared/protocol/events.ts';
import type { AppendedEvent } from './event-bus.ts';
import type { Db } from '../store/database.ts';
import { EventLogStore } from './event-log-store.ts';

export interface LogPosition {
  head: number;
  floor: number;
}

/** The append-only, per-user event log. Appends must run inside a WriteGate transaction. */
export class EventLog {
  private readonly store: EventLogStore;
  private readonly clock: Clock;

  constructor(db: Db, clock: Clock) {
    this.store = new EventLogStore(db);
    this.clock = clock;
  }

  /** The body is stored once, however many logs the event enters (a notice to 10,000 people is one row of text). */
  append(userIds: Iterable<string>, event: UserEvent): AppendedEvent[] {
    if (!this.store.inTransaction) throw new Error('EventLog.append must run inside a WriteGate transaction');
    const at = this.clock.now();
    const appended: AppendedEvent[] = [];
    let bodyId: number | null = null;
    const json = JSON.stringify(event);
    for (const userId of new Set(userIds)) {
      bodyId ??= this.store.insertBody(json);
      const seq = this.store.nextSeq(userId);
      this.store.insert(userId, seq, at, bodyId);
      appended.push({ userId, seq, at, event, json });
    }
    return appended;
  }

  readAfter(userId: string, since: number, limit: number): AppendedEvent[] {
    return this.store.pageAfter(userId, since, limit).map((row) => ({
      userId,
      seq: row.seq,
      at: row.at,
      event: UserEvent.parse(JSON.parse(row.body)),
      json: row.body,
    }));
  }

  position(userId: string): LogPosition {
    return this.store.position(userId);
  }

  recordAcks(acks: ReadonlyMap<string, number>): void {
    this.store.recordAcks(acks);
  }

  /** Drops events older than the retention window; a resume from before the floor gets `resync`. */
  prune(retentionMs: number): number {
    return this.store.pruneBefore(this.clock.now() - retentionMs);
  }
}
