import { ClockRecord, DayReport, MonthReport } from '../../../../shared/domain/attendance/index.ts';
import type { CacheDb } from '../../cache/cache-db.ts';
import { ClientState } from '../../cache/client-state.ts';

const TODAY_KEY = 'attendance.today';
const monthKey = (month: string) => `attendance.month.${month}`;

/** The user's recent clock records and judged day as the server sent them, plus month views fetched last. */
export class AttendanceCache {
  private readonly sql;
  private readonly kept: ClientState;
  private readonly db: CacheDb;

  constructor(db: CacheDb) {
    this.db = db;
    this.sql = {
      upsert: db.prepare('INSERT OR REPLACE INTO clock_records (id, at, record) VALUES (?, ?, ?)'),
      clear: db.prepare('DELETE FROM clock_records'),
      last: db.prepare<[], { record: string }>('SELECT record FROM clock_records ORDER BY at DESC LIMIT 1'),
    };
    this.kept = new ClientState(db);
  }

  upsert(record: ClockRecord): void {
    this.sql.upsert.run(record.id, record.at, JSON.stringify(record));
  }

  replaceAll(records: readonly ClockRecord[], today: DayReport): void {
    this.db.transaction(() => {
      this.sql.clear.run();
      for (const record of records) this.upsert(record);
      this.setToday(today);
    })();
  }

  last(): ClockRecord | null {
    const row = this.sql.last.get();
    return row ? ClockRecord.parse(JSON.parse(row.record)) : null;
  }

  setToday(today: DayReport): void {
    this.kept.set(TODAY_KEY, today);
  }

  today(): DayReport | null {
    return this.kept.parsed(TODAY_KEY, DayReport);
  }

  setMonth(report: MonthReport): void {
    this.kept.set(monthKey(report.month), report);
  }

  month(month: string): MonthReport | null {
    return this.kept.parsed(monthKey(month), MonthReport);
  }
}
