import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import { UserEvent } from '../../shared/protocol/events.ts';
import type { AppendedEvent, EventBus } from './event-bus.ts';
import type { EventLog } from './event-log.ts';
import type { Db } from '../store/database.ts';
import { type ManualTransaction, beginImmediate } from '../store/sqlite-transaction.ts';
import { type WriteHealth, storageErrorCode } from '../store/write-health.ts';

export interface WriteTx {
  /** Appends `event` to each user's log; it is published only once the outermost transaction commits. */
  emit(userIds: Iterable<string>, event: UserEvent): AppendedEvent[];
}

/** The same, for async work: on a networked database the append itself is a round trip. */
export interface AsyncWriteTx {
  emit(userIds: Iterable<string>, event: UserEvent): Promise<AppendedEvent[]>;
}

/** What a repository's caller needs of the gate: a unit of work to run its writes in. */
export type UnitOfWork = Pick<WriteGate, 'transaction'>;

/**
 * An async transaction outlived the turn of the event loop it began in (it awaited I/O or a timer),
 * or other work tried to write while it was open. On SQLite either would put one request's writes
 * inside another's transaction; both are refused and the transaction rolls back.
 */
export class TransactionSpannedTurnError extends Error {
  constructor(what: 'spanned' | 'intruded' | 'async-in-sync') {
    super(
      what === 'spanned'
        ? 'a write transaction awaited something that is not storage (I/O, a timer): on SQLite a transaction is one ' +
            'turn of the event loop, so do that work before or after gate.transaction()'
        : what === 'intruded'
          ? 'a write arrived from outside an open async transaction (one that awaited I/O): it was refused, not joined'
          : 'an async unit of work was started inside a synchronous gate.write(): whatever it does after its first ' +
            'await would land after that transaction committed, so make the caller async and use gate.transaction()',
    );
    this.name = 'TransactionSpannedTurnError';
  }
}

/**
 * The one way to write: a transaction whose events reach the bus after commit, never before
 * (a push of a rolled-back event would be a lie the client could never take back).
 *
 * Two forms of one unit of work. `write(tx => …)` runs synchronous work; `transaction(async tx => …)`
 * runs async work, as repositories on a networked database will need, with the same guarantees:
 * events publish only after the outermost commit, a nested write joins the open transaction, and
 * each user's seq stays gap-free. On SQLite every repository answers at once, so an async
 * transaction finishes within the turn of the event loop that began it, exactly like a synchronous
 * one, and no other request can write inside it. Awaiting real I/O inside would break that: it is
 * refused (rolled back with `TransactionSpannedTurnError`), and so is a synchronous write that
 * arrives while an async transaction is still open.
 */
export class WriteGate {
  private pending: AppendedEvent[] | null = null;
  /** The open async transaction, known to its own work (and only to it) through async context. */
  private readonly asyncScope = new AsyncLocalStorage<AppendedEvent[]>();
  /** The pending list of the open async transaction, if the open transaction is async. */
  private asyncOpenFor: AppendedEvent[] | null = null;
  /** Settles when the open async unit ends (commits or rolls back). */
  private unitEnded: Promise<void> = Promise.resolve();

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
    if (this.pending) return work(this.tx(this.joinable()));
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

  /**
   * Runs async work in one transaction. Inside another transaction (sync, or its own async one) it
   * joins that one, and its events publish when the outermost commits; units started side by side
   * run one after the other.
   */
  async transaction<T>(work: (tx: AsyncWriteTx) => Promise<T>): Promise<T> {
    // A synchronous transaction commits when its callback returns, before this unit's awaits resume.
    if (this.pending && this.asyncOpenFor !== this.pending) throw new TransactionSpannedTurnError('async-in-sync');
    if (this.pending && this.mayJoin()) return work(this.asyncTx(this.pending));
    // Another async unit is open (started in this same turn, say by a Promise.all): wait for it to end.
    while (this.pending) await this.unitEnded;
    const pending: AppendedEvent[] = [];
    let ended!: () => void;
    this.unitEnded = new Promise((resolve) => (ended = resolve));
    let turnEnded = false;
    const turn = setImmediate(() => {
      turnEnded = true;
    });
    let open: ManualTransaction | null = null;
    this.pending = pending;
    this.asyncOpenFor = pending;
    let result: T;
    try {
      open = beginImmediate(this.db);
      result = await this.asyncScope.run(pending, () => work(this.asyncTx(pending)));
      if (turnEnded) throw new TransactionSpannedTurnError('spanned');
      open.commit();
      this.health?.succeeded();
    } catch (error) {
      open?.rollback();
      if (storageErrorCode(error)) this.health?.failed(error);
      throw error;
    } finally {
      clearImmediate(turn);
      this.pending = null;
      this.asyncOpenFor = null;
      ended();
    }
    if (pending.length > 0) this.bus.publish(pending);
    return result;
  }

  /**
   * Whether the caller runs inside the open transaction. A synchronous transaction is joined by
   * whatever runs while it is open (nothing else can run then); an async one only by its own work,
   * known through async context.
   */
  private mayJoin(): boolean {
    return this.asyncOpenFor !== this.pending || this.asyncScope.getStore() === this.pending;
  }

  /**
   * The open transaction, for a synchronous write nested in it. Other work writing while an async
   * unit is open would land in someone else's transaction, and cannot wait: it is refused instead.
   */
  private joinable(): AppendedEvent[] {
    if (!this.mayJoin()) throw new TransactionSpannedTurnError('intruded');
    return this.pending!;
  }

  private asyncTx(pending: AppendedEvent[]): AsyncWriteTx {
    const tx = this.tx(pending);
    return { emit: async (userIds, event) => tx.emit(userIds, event) };
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
