import type { ClockKind, ClockRecord, ClockSource, RecordStatus, ReviewReason } from '../../../shared/domain/attendance/index.ts';
import type { Db } from '../../store/database.ts';

interface ClockRow {
  id: string;
  user_id: string;
  kind: ClockKind;
  at: number;
  client_time: number;
  offline: number;
  source: ClockSource;
  status: RecordStatus;
  review_reason: ReviewReason | null;
  note: string | null;
  received_at: number | null;
}

export interface StoredClock extends ClockRecord {
  userId: string;
}

const toRecord = (row: ClockRow): StoredClock => ({
  id: row.id,
  userId: row.user_id,
  kind: row.kind,
  at: row.at,
  clientTime: row.client_time,
  offline: row.offline === 1,
  source: row.source,
  status: row.status,
  reviewReason: row.review_reason,
  note: row.note,
  receivedAt: row.received_at,
});

/** The record as the wire carries it: no user id, address or request id. */
export const publicRecord = (r: ClockRecord): ClockRecord => ({
  id: r.id,
  kind: r.kind,
  at: r.at,
  clientTime: r.clientTime,
  offline: r.offline,
  source: r.source,
  status: r.status,
  reviewReason: r.reviewReason,
  note: r.note,
  receivedAt: r.receivedAt,
});

export interface NewClock extends StoredClock {
  ip: string | null;
  requestId: string | null;
}

export interface AuditEntry {
  userId: string;
  date: string;
  action: 'corrected' | 'review_accepted' | 'review_rejected';
  recordId: string;
  before: unknown;
  after: unknown;
  actorId: string | null;
  requestId: string | null;
  at: number;
}

/** Clock records and their audit trail; all SQL of the feature's records lives here. */
export class ClockStore {
  private readonly insertStmt;
  private readonly rangeStmt;
  private readonly rangeManyStmt;
  private readonly byIdStmt;
  private readonly setStatusStmt;
  private readonly auditStmt;
  private readonly auditOfStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO clock_records (id, user_id, kind, at, client_time, offline, source, status, review_reason, note, ip, request_id,
         received_at)
       VALUES (@id, @userId, @kind, @at, @clientTime, @offline, @source, @status, @reviewReason, @note, @ip, @requestId,
         @receivedAt)`,
    );
    this.rangeStmt = db.prepare<[string, number, number], ClockRow>(
      'SELECT * FROM clock_records WHERE user_id = ? AND at >= ? AND at < ? ORDER BY at',
    );
    this.rangeManyStmt = db.prepare<[string, number, number], ClockRow>(
      `SELECT * FROM clock_records WHERE user_id IN (SELECT value FROM json_each(?)) AND at >= ? AND at < ? ORDER BY at`,
    );
    this.byIdStmt = db.prepare<[string], ClockRow>('SELECT * FROM clock_records WHERE id = ?');
    this.setStatusStmt = db.prepare('UPDATE clock_records SET status = ? WHERE id = ?');
    this.auditStmt = db.prepare(
      `INSERT INTO attendance_audit (user_id, date, action, record_id, before, after, actor_id, request_id, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.auditOfStmt = db.prepare<
      [string],
      {
        date: string;
        action: AuditEntry['action'];
        record_id: string;
        before: string;
        after: string;
        actor_id: string | null;
        request_id: string | null;
        at: number;
      }
    >('SELECT * FROM attendance_audit WHERE user_id = ? ORDER BY id');
  }

  insert(record: NewClock): void {
    this.insertStmt.run({ ...record, offline: record.offline ? 1 : 0 });
  }

  /** A user's records with `from <= at < to`, oldest first. */
  range(userId: string, from: number, to: number): StoredClock[] {
    return this.rangeStmt.all(userId, from, to).map(toRecord);
  }

  /** Many users' records in one query, for department reports. */
  rangeOfMany(userIds: readonly string[], from: number, to: number): StoredClock[] {
    return this.rangeManyStmt.all(JSON.stringify(userIds), from, to).map(toRecord);
  }

  byId(id: string): StoredClock | null {
    const row = this.byIdStmt.get(id);
    return row ? toRecord(row) : null;
  }

  setStatus(id: string, status: RecordStatus): void {
    this.setStatusStmt.run(status, id);
  }

  audit(entry: AuditEntry): void {
    this.auditStmt.run(
      entry.userId,
      entry.date,
      entry.action,
      entry.recordId,
      JSON.stringify(entry.before),
      JSON.stringify(entry.after),
      entry.actorId,
      entry.requestId,
      entry.at,
    );
  }

  auditOf(userId: string): AuditEntry[] {
    return this.auditOfStmt.all(userId).map((row) => ({
      userId,
      date: row.date,
      action: row.action,
      recordId: row.record_id,
      before: JSON.parse(row.before) as unknown,
      after: JSON.parse(row.after) as unknown,
      actorId: row.actor_id,
      requestId: row.request_id,
      at: row.at,
    }));
  }
}
