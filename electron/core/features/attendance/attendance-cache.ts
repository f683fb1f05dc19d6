import type { ClockRecord } from '../../../../shared/domain/attendance.ts';
import type { CacheDb } from '../../cache/cache-db.ts';

/** The user's recent clock records as the server recorded them. */
export class AttendanceCache {
  private readonly upsertStmt;
  private readonly lastStmt;
  private readonly db: CacheDb;

  constructor(db: CacheDb) {
    this.db = db;
    this.upsertStmt = db.prepare(
      'INSERT OR REPLACE INTO clock_records (id, kind, at, client_time, offline) VALUES (?, ?, ?, ?, ?)',
    );
    this.lastStmt = db.prepare<[], { id: string; kind: 'in' | 'out'; at: number; client_time: number; offline: number }>(
      'SELECT * FROM clock_records ORDER BY at DESC LIMIT 1',
    );
  }

  upsert(record: ClockRecord): void {
    this.upsertStmt.run(record.id, record.kind, record.at, record.clientTime, record.offline ? 1 : 0);
  }

  replaceAll(records: readonly ClockRecord[]): void {
    this.db.prepare('DELETE FROM clock_records').run();
    for (const record of records) this.upsert(record);
  }

  last(): ClockRecord | null {
    const row = this.lastStmt.get();
    return row ? { id: row.id, kind: row.kind, at: row.at, clientTime: row.client_time, offline: row.offline === 1 } : null;
  }
}
