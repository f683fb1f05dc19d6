import type { Db } from '../../store/database.ts';

export interface OutOfOfficeRecord {
  userId: string;
  startsAt: number;
  endsAt: number;
  proxyId: string;
  note: string | null;
  /** True once the user's pending tasks have moved to the proxy. */
  routed: boolean;
}

interface Row {
  user_id: string;
  starts_at: number;
  ends_at: number;
  proxy_id: string;
  note: string | null;
  routed: number;
}

const toRecord = (r: Row): OutOfOfficeRecord => ({
  userId: r.user_id,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  proxyId: r.proxy_id,
  note: r.note,
  routed: r.routed === 1,
});

/** One out-of-office period per user, current or planned. */
export class OutOfOfficeStore {
  private readonly getStmt;
  private readonly upsertStmt;
  private readonly deleteStmt;
  private readonly routedStmt;
  private readonly dueStartsStmt;
  private readonly dueEndsStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], Row>('SELECT * FROM out_of_office WHERE user_id = ?');
    this.upsertStmt = db.prepare<[string, number, number, string, string | null]>(
      `INSERT INTO out_of_office (user_id, starts_at, ends_at, proxy_id, note, routed) VALUES (?, ?, ?, ?, ?, 0)
       ON CONFLICT (user_id) DO UPDATE SET starts_at = excluded.starts_at, ends_at = excluded.ends_at,
         proxy_id = excluded.proxy_id, note = excluded.note, routed = 0`,
    );
    this.deleteStmt = db.prepare<[string]>('DELETE FROM out_of_office WHERE user_id = ?');
    this.routedStmt = db.prepare<[string]>('UPDATE out_of_office SET routed = 1 WHERE user_id = ?');
    this.dueStartsStmt = db.prepare<[number, number], Row>(
      'SELECT * FROM out_of_office WHERE routed = 0 AND starts_at <= ? AND ends_at > ?',
    );
    this.dueEndsStmt = db.prepare<[number], Row>('SELECT * FROM out_of_office WHERE ends_at <= ?');
  }

  get(userId: string): OutOfOfficeRecord | null {
    const row = this.getStmt.get(userId);
    return row ? toRecord(row) : null;
  }

  /** The proxy standing in for `userId` at `at`, if they are away then. */
  activeProxy(userId: string, at: number): string | null {
    const record = this.get(userId);
    return record && record.startsAt <= at && at < record.endsAt ? record.proxyId : null;
  }

  save(record: Omit<OutOfOfficeRecord, 'routed'>): void {
    this.upsertStmt.run(record.userId, record.startsAt, record.endsAt, record.proxyId, record.note);
  }

  remove(userId: string): void {
    this.deleteStmt.run(userId);
  }

  markRouted(userId: string): void {
    this.routedStmt.run(userId);
  }

  dueStarts(now: number): OutOfOfficeRecord[] {
    return this.dueStartsStmt.all(now, now).map(toRecord);
  }

  dueEnds(now: number): OutOfOfficeRecord[] {
    return this.dueEndsStmt.all(now).map(toRecord);
  }
}
