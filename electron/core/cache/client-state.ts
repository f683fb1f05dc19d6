import type { CacheDb } from './cache-db.ts';

/** Small values a feature keeps for offline use (templates, today's day, a month's report), as JSON by key. */
export class ClientState {
  private readonly getStmt;
  private readonly setStmt;

  constructor(db: CacheDb) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM client_state WHERE key = ?');
    this.setStmt = db.prepare(
      'INSERT INTO client_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  set(key: string, value: unknown): void {
    this.setStmt.run(key, JSON.stringify(value));
  }

  get<T>(key: string): T | null {
    const row = this.getStmt.get(key);
    return row ? (JSON.parse(row.value) as T) : null;
  }

  /** Read back through a schema: a copy written by an older version is dropped, not trusted. */
  parsed<T>(key: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }): T | null {
    const value = this.get<unknown>(key);
    if (value === null) return null;
    const result = schema.safeParse(value);
    return result.success ? result.data : null;
  }
}
