import { z } from 'zod';
import { UserEvent } from '../../shared/protocol/events.ts';
import type { AppendedEvent, EventBus } from './event-bus.ts';
import type { EventLog } from './event-log.ts';
import type { Db } from '../store/database.ts';
import { type WriteHealth, storageErrorCode } from '../store/write-health.ts';

export interface WriteTx {
  /** Appends `event` to each user's log; it is published only once the outermost transaction commits. */
  emit(userIds: Iterable<string>, event: UserEvent): AppendedEvent[];
}

/**
 * The one way to write: a transaction whose events reach the bus after commit, never before
 * (a push of a rolled-back event would be a lie the client could never take back).
 */
export class WriteGate {
  private pending: AppendedEvent[] | null = null;

  private readonly db: Db;

  private readonly log: EventLog;

  private readonly bus: EventBus;

  private readonly health: WriteHealth | null;

  constructor(db: Db, log: EventLog, bus: EventBus, health: WriteHealth | null = null) {
    this.health = health;
    this.db = db;

    this.log = log;

    this.bus = bus;
  }

  write<T>(work: (tx: WriteTx) => T): T {
    if (this.pending) return work(this.tx(this.pending));
    const pending: AppendedEvent[] = [];
    this.pending = pending;
    let result: T;
    try {
      result = this.db.transaction(() => work(this.tx(pending)))();
      this.health?.succeeded();
    } catch (error) {
      if (storageErrorCode(error)) this.health?.failed(error);
      throw error;
    } finally {
      this.pending = null;
    }
    if (pending.length > 0) this.bus.publish(pending);
    return result;
  }

  private tx(pending: AppendedEvent[]): WriteTx {
    return {
      emit: (userIds, event) => {
        // Checked against the schema every client parses with, inside the transaction: an event a
        // client would drop (21 key items where the card allows 20) rolls the write back instead.
        const checked = UserEvent.safeParse(event);
        if (!checked.success) throw new Error(`${event.kind} does not fit the wire schema: ${z.prettifyError(checked.error)}`);
        const appended = this.log.append(userIds, event);
        pending.push(...appended);
        return appended;
      },
    };
  }
}
