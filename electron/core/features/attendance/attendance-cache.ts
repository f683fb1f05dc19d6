import { ClockRecord, DayReport, MonthReport } from '../../../../shared/domain/attendance/index.ts';
import type { CacheDb } from '../../cache/cache-db.ts';

const TODAY_KEY = 'attendance.today';
const monthKey = (month: string) => `attendance.month.${month}`;

/** The user's recent clock records and judged day as the server sent them, plus month views fetched last. */
export class AttendanceCache {
  private readonly s;
  private readonly db: CacheDb;

  constructor(db: CacheDb) {
    this.db = db;
    this.s = {
      upsert: db.prepare('INSERT OR REPLACE INTO clock_records (id, at, record) VALUES (?, ?, ?)'),
      clear: db.prepare('DELETE FROM clock_records'),
      last: db.prepare<[], { record: string }>('SELECT record FROM clock_records ORDER BY at DESC LIMIT 1'),
      getState: db.prepare<[string], { value: string }>('SELECT value FROM client_state WHERE key = ?'),
      setState: db.prepare(
        'INSERT INTO client_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  upsert(record: ClockRecord): void {
    this.s.upsert.run(record.id, record.at, JSON.stringify(record));
  }

  replaceAll(records: readonly ClockRecord[], today: DayReport): void {
    this.db.transaction(() => {
      this.s.clear.run();
      for (const record of records) this.upsert(record);
      this.setToday(today);
    })();
  }

  last(): ClockRecord | null {
    const row = this.s.last.get();
    return row ? ClockRecord.parse(JSON.parse(row.record)) : null;
  }

  setToday(today: DayReport): void {
    this.s.setState.run(TODAY_KEY, JSON.stringify(today));
  }

  today(): DayReport | null {
    return this.read(TODAY_KEY, DayReport);
  }

  setMonth(report: MonthReport): void {
    this.s.setState.run(monthKey(report.month), JSON.stringify(report));
  }

  month(month: string): MonthReport | null {
    return this.read(monthKey(month), MonthReport);
  }

  /** A stored copy is read back through its schema: a copy from an older version is dropped, not trusted. */
  private read<T>(key: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }): T | null {
    const row = this.s.getState.get(key);
    if (!row) return null;
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  }
}
