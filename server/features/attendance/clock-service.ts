import { randomUUID } from 'node:crypto';
import type { ClockKind, ClockRecord } from '../../../shared/domain/attendance.ts';
import type { Clock } from '../../../shared/domain/clock.ts';
import type { Db } from '../../store/database.ts';
import type { WriteGate } from '../../store/write-gate.ts';

/**
 * Clock in and out on server time. The foundation records the facts; rules (late, early, networks)
 * come with the attendance issue and will judge these same records.
 */
export class ClockService {
  private readonly insertStmt;
  private readonly sinceStmt;

  private readonly gate: WriteGate;

  private readonly clock: Clock;

  constructor(db: Db, gate: WriteGate, clock: Clock) {
    this.gate = gate;

    this.clock = clock;
    this.insertStmt = db.prepare(
      'INSERT INTO clock_records (id, user_id, kind, at, client_time, offline) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.sinceStmt = db.prepare<
      [string, number],
      {
        id: string;
        kind: ClockKind;
        at: number;
        client_time: number;
        offline: number;
      }
    >('SELECT id, kind, at, client_time, offline FROM clock_records WHERE user_id = ? AND at >= ? ORDER BY at');
  }

  record(userId: string, kind: ClockKind, clientTime: number, offline: boolean): ClockRecord {
    return this.gate.write((tx) => {
      const record: ClockRecord = {
        id: `c_${randomUUID()}`,
        kind,
        at: this.clock.now(),
        clientTime,
        offline,
      };
      this.insertStmt.run(record.id, userId, kind, record.at, clientTime, offline ? 1 : 0);
      tx.emit([userId], { kind: 'attendance.clocked', record });
      return record;
    });
  }

  /** Records of the last 24 hours; the calendar view with site time zones arrives with attendance rules. */
  recent(userId: string): ClockRecord[] {
    return this.sinceStmt.all(userId, this.clock.now() - 24 * 3600_000).map((row) => ({
      id: row.id,
      kind: row.kind,
      at: row.at,
      clientTime: row.client_time,
      offline: row.offline === 1,
    }));
  }
}
