/**
 * The unit of work, in both its forms: events reach the bus only after the outermost commit, a
 * rollback publishes nothing and leaves no seq taken, nested writes join, concurrent async units
 * keep each user's seq gap-free, and on SQLite an async transaction that outlives its turn of the
 * event loop (or a write from outside it while it is open) is refused instead of mixing two
 * requests' writes. The database is a real SQLite one with the server's migrations.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../shared/domain/clock.ts';
import type { UserEvent } from '../../shared/protocol/events.ts';
import { type Db, openServerDatabase } from '../store/database.ts';
import { type AppendedEvent, InProcessBus } from './event-bus.ts';
import { EventLog } from './event-log.ts';
import { TransactionSpannedTurnError, WriteGate } from './write-gate.ts';

const withdrawn = (n: number): UserEvent => ({ kind: 'notice.withdrawn', noticeId: `n_${n}` });

describe('WriteGate', () => {
  let db: Db;
  let log: EventLog;
  let gate: WriteGate;
  let published: AppendedEvent[][];

  beforeEach(() => {
    db = openServerDatabase(':memory:');
    const person = db.prepare(
      "INSERT INTO users (id, username, display_name, password_hash, created_at) VALUES (?, ?, ?, 'x', 0)",
    );
    for (const id of ['u_a', 'u_b']) person.run(id, id, id);
    log = new EventLog(db, new ManualClock(1_000));
    const bus = new InProcessBus();
    published = [];
    bus.subscribe((events) => published.push([...events]));
    gate = new WriteGate(db, log, bus);
  });

  afterEach(() => db.close());

  const seqs = (userId: string) => log.readAfter(userId, 0, 1_000).map((e) => e.seq);

  it('publishes an async unit of work only after it commits, once, with its nested writes', async () => {
    const seenInside: number[] = [];
    const result = await gate.transaction(async (tx) => {
      await tx.emit(['u_a'], withdrawn(1));
      await Promise.resolve();
      gate.write((inner) => inner.emit(['u_a', 'u_b'], withdrawn(2)));
      await gate.transaction(async (inner) => {
        await inner.emit(['u_b'], withdrawn(3));
      });
      seenInside.push(published.length);
      return 'done';
    });
    expect(result).toBe('done');
    expect(seenInside).toEqual([0]);
    expect(published).toHaveLength(1);
    expect(published[0]!.map((e) => `${e.userId}:${e.seq}`)).toEqual(['u_a:1', 'u_a:2', 'u_b:1', 'u_b:2']);
    expect(seqs('u_a')).toEqual([1, 2]);
  });

  it('rolls an async unit of work back whole when it throws: nothing stored, nothing published, no seq taken', async () => {
    await expect(
      gate.transaction(async (tx) => {
        await tx.emit(['u_a'], withdrawn(1));
        await Promise.resolve();
        gate.write((inner) => inner.emit(['u_a'], withdrawn(2)));
        throw new Error('refused by a rule');
      }),
    ).rejects.toThrow('refused by a rule');
    expect(published).toEqual([]);
    expect(seqs('u_a')).toEqual([]);
    expect(db.inTransaction).toBe(false);
    gate.write((tx) => tx.emit(['u_a'], withdrawn(3)));
    expect(seqs('u_a')).toEqual([1]);
  });

  it('refuses an event the wire schema would drop, and rolls the unit back', async () => {
    const tooLong = { kind: 'notice.withdrawn', noticeId: 'x'.repeat(5_000) } as UserEvent;
    await expect(gate.transaction(async (tx) => void (await tx.emit(['u_a'], tooLong)))).rejects.toThrow(/wire schema/);
    expect(seqs('u_a')).toEqual([]);
  });

  it('keeps each user’s seq gap-free and in commit order under many concurrent units of work', async () => {
    const units = Array.from({ length: 200 }, (_, i) =>
      gate.transaction(async (tx) => {
        await Promise.resolve();
        await tx.emit(i % 3 === 0 ? ['u_a', 'u_b'] : ['u_a'], withdrawn(i));
        if (i % 7 === 0) throw new Error(`unit ${i} refused`);
      }),
    );
    const settled = await Promise.allSettled(units);
    const committed = settled.filter((s) => s.status === 'fulfilled').length;
    expect(committed).toBe(200 - Math.ceil(200 / 7));
    expect(seqs('u_a')).toEqual(Array.from({ length: committed }, (_, i) => i + 1));
    const publishedA = published.flat().filter((e) => e.userId === 'u_a');
    expect(publishedA.map((e) => e.seq)).toEqual(seqs('u_a'));
  });

  it('refuses an async unit of work that awaits I/O inside it, rolled back whole', async () => {
    await expect(
      gate.transaction(async (tx) => {
        await tx.emit(['u_a'], withdrawn(1));
        await sleep(5);
      }),
    ).rejects.toBeInstanceOf(TransactionSpannedTurnError);
    expect(seqs('u_a')).toEqual([]);
    expect(published).toEqual([]);
    expect(db.inTransaction).toBe(false);
  });

  it('refuses a write from other work while an async unit is open, instead of joining it', async () => {
    let intruder: unknown = null;
    const unit = gate.transaction(async (tx) => {
      await tx.emit(['u_a'], withdrawn(1));
      await sleep(5);
    });
    // Another request's write, arriving while the unit above waits on a timer.
    setImmediate(() => {
      try {
        gate.write((tx) => tx.emit(['u_b'], withdrawn(2)));
      } catch (error) {
        intruder = error;
      }
    });
    await expect(unit).rejects.toBeInstanceOf(TransactionSpannedTurnError);
    expect(intruder).toBeInstanceOf(TransactionSpannedTurnError);
    expect(seqs('u_b')).toEqual([]);
    // The gate is usable again at once.
    await gate.transaction(async (tx) => void (await tx.emit(['u_b'], withdrawn(3))));
    expect(seqs('u_b')).toEqual([1]);
  });

  it('refuses an async unit of work started inside a synchronous write, which would resume after its commit', async () => {
    let started: Promise<unknown> | null = null;
    gate.write((tx) => {
      tx.emit(['u_a'], withdrawn(1));
      started = gate.transaction(async (inner) => {
        await inner.emit(['u_b'], withdrawn(2));
        await inner.emit(['u_b'], withdrawn(3));
      });
    });
    await expect(started).rejects.toBeInstanceOf(TransactionSpannedTurnError);
    expect(seqs('u_a')).toEqual([1]);
    expect(seqs('u_b')).toEqual([]);
    expect(published.flat().map((e) => e.userId)).toEqual(['u_a']);
  });
});
